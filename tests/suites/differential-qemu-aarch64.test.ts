// Differential runs: every aarch64 guest program under Debian's qemu-aarch64 and under
// qemu-user-ts must give the same stdout and exit status. Skips (saying how to get it)
// when qemu-user is not installed; CI installs it.

import { describe, expect, it } from 'vitest';
import { crossSysroot, hostHas, ours, readManifest, runProgram } from './support/guest-runner.js';

const haveQemu = hostHas('qemu-aarch64');
const { dir, entries } = readManifest('aarch64');
const noSysroot = crossSysroot('aarch64') === null;

describe.skipIf(!haveQemu)('aarch64: qemu-user-ts vs qemu-aarch64 (apt-get install qemu-user)', () => {
  // Entries where qemu 7.2 is known to differ from Linux (qemuDiffers) are not compared.
  for (const e of entries.filter((x) => !x.qemuDiffers)) {
    it.skipIf(e.sysroot && noSysroot)(e.name, () => {
      const theirs = runProgram(['qemu-aarch64'], e, dir);
      const mine = runProgram(ours('wasm'), e, dir);
      expect(mine.stdout).toBe(theirs.stdout);
      expect(mine.status).toBe(theirs.status);
    });
  }
});
if (!haveQemu) console.warn('differential tests skipped: qemu-aarch64 not found (apt-get install qemu-user)');
