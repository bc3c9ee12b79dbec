// Dynamically linked programs beyond the manifest's (which run them the usual way): the
// guest's ld.so run directly as the program, with the real program as its argument, and
// its --list report; and /proc/cpuinfo, where we differ from Debian's qemu on purpose. Needs the cross glibc sysroots (skips naming the apt command).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, SYSROOT_PACKAGES, crossSysroot, expectedStdout, readManifest } from './support/guest-runner.js';

const LD: Record<string, string> = { riscv64: 'lib/ld-linux-riscv64-lp64d.so.1', aarch64: 'lib/ld-linux-aarch64.so.1' };
/** /proc/cpuinfo's description of the guest CPU: what AT_HWCAP says we implement. */
const CPUINFO_LINE: Record<string, string> = { riscv64: 'isa\t\t: rv64imafdc_zicntr_zicsr_zifencei', aarch64: 'Features\t: fp asimd crc32 atomics cpuid' };

for (const arch of ['riscv64', 'aarch64']) {
  const root = crossSysroot(arch);
  if (!root) console.warn(`${arch} ld.so tests skipped: no glibc sysroot (${SYSROOT_PACKAGES})`);
  describe.skipIf(!root)(`${arch}: the guest's ld.so as the program`, () => {
    const ld = join(root ?? '', LD[arch]);
    const prog = join(ROOT, 'tests/binaries', arch, 'bin/dyn-hello');
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, '-L', root!, ...args], { encoding: 'utf8', env: { ...process.env, QEMU_TEST_VAR: 'seen through getenv' }, timeout: 60_000 });

    it('runs a program given as its argument exactly as the program runs itself', () => {
      const { dir, entries } = readManifest(arch);
      const want = expectedStdout(dir, entries.find((e) => e.name === 'dyn-hello')!)!;
      const r = run(ld, prog, '5', 'two words');
      expect(r.stderr).toBe('');
      // argv[0] is the program's path either way; argc counts the same arguments.
      expect(r.stdout).toBe(want);
      expect(r.status).toBe(5);
    });
    it('/proc/cpuinfo describes the guest CPU (dyn-proc --cpuinfo)', () => {
      const r = run(join(ROOT, 'tests/binaries', arch, 'bin/dyn-proc'), '--cpuinfo');
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(CPUINFO_LINE[arch]);
    });
    it('--list names the libraries it would load, found under the prefix', () => {
      const r = run(ld, '--list', prog);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\tlibm\.so\.6 => \/lib\/libm\.so\.6 \(0x[0-9a-f]+\)$/m);
      expect(r.stdout).toMatch(/^\tlibc\.so\.6 => \/lib\/libc\.so\.6 \(0x[0-9a-f]+\)$/m);
      expect(r.stdout).toContain(`${LD[arch].replace(/^lib/, '/lib')} => ${ld}`);
    });
  });
}
