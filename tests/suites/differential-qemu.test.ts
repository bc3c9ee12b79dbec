// Differential runs: every riscv64 guest program under Debian's qemu-riscv64 and under
// qemu-user-ts must give the same stdout and exit status. Skips (saying how to get it)
// when qemu-user is not installed; CI installs it.

import { describe, expect, it } from 'vitest';
import { crossSysroot, hostHas, ours, readManifest, runProgram } from './support/guest-runner.js';

const haveQemu = hostHas('qemu-riscv64');
const { dir, entries } = readManifest('riscv64');
const noSysroot = crossSysroot('riscv64') === null;

describe.skipIf(!haveQemu)('riscv64: qemu-user-ts vs qemu-riscv64 (apt-get install qemu-user)', () => {
  // Entries where qemu 7.2 is known to differ from Linux (qemuDiffers) are not compared.
  for (const e of entries.filter((x) => !x.qemuDiffers)) {
    it.skipIf(e.sysroot && noSysroot)(e.name, () => {
      const theirs = runProgram(['qemu-riscv64'], e, dir);
      const mine = runProgram(ours('wasm'), e, dir);
      expect(mine.stdout).toBe(theirs.stdout);
      expect(mine.status).toBe(theirs.status);
    });
  }
});
if (!haveQemu) console.warn('differential tests skipped: qemu-riscv64 not found (apt-get install qemu-user)');
