// Runs once around the whole test run: guest programs started by the suites keep their
// translation cache (src/tcg/persist.ts) in a fresh temporary directory, removed at the end,
// so that no run depends on, or leaves behind, the user's ~/.cache/qemu-user-ts.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'qemu-user-ts-test-cache-'));
  process.env.QEMU_USER_TS_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
