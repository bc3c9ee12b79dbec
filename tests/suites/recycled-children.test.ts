// Recycled children (src/linux-user/exit-report.ts, spare.ts): a guest that forks and reaps
// children one after another gets them from emulator processes started for its first
// rounds, each serving again once its child was reaped, instead of a Node started per child.
// Counted with strace (the execve calls of node); what each child sees is tested by the
// guest program recycle.c (the manifests).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

const RECYCLE = join(ROOT, 'tests/binaries/riscv64/bin/recycle');
const haveStrace = spawnSync('strace', ['-V']).status === 0;
if (!haveStrace) console.warn('recycled-children test skipped: strace not found (apt-get install strace)');

/** The emulators a run of `args` started (execve of node, the first included), and its stdout. */
function emulatorsStarted(args: string[]): { starts: number; stdout: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'qemu-user-ts-recycle-'));
  try {
    const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=execve', '-e', 'signal=none', '-o', join(dir, 'trace'), CLI, ...args], {
      cwd: dir, encoding: 'utf8', timeout: 120_000,
    });
    const trace = spawnSync('cat', [join(dir, 'trace')], { encoding: 'utf8' }).stdout;
    const starts = trace.split('\n').filter((l) => l.includes(`execve("${process.execPath}"`) && !l.includes('= -1')).length;
    return { starts, stdout: r.stdout, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!haveStrace)('children forked and reaped in turn (needs strace: apt-get install strace)', () => {
  it('run in a few emulator processes that serve again, not in one started per child', () => {
    const r = emulatorsStarted([RECYCLE, '40']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('40 children in turn: statuses right\n');
    // the first process, its first child (started cold), spares for the next rounds: not 40
    expect(r.starts).toBeGreaterThanOrEqual(2);
    expect(r.starts).toBeLessThanOrEqual(8);
  });

  it('each start an emulator of its own under -unique-pids (a new pid each, as on Linux)', () => {
    const r = emulatorsStarted(['-unique-pids', RECYCLE, '40']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('40 children in turn: statuses right\n');
    expect(r.starts).toBeGreaterThan(40);
  });
});
