// The guest-program suite, parameterised by backend: every manifest entry runs under
// qemu-user-ts and must print the expected stdout and exit with the expected status.

import { describe, expect, it } from 'vitest';
import { SYSROOT_PACKAGES, crossSysroot, expectedStdout, oursWith, readManifest, runProgram } from './guest-runner.js';

export function guestSuite(arch: string, backend: 'wasm' | 'interp'): void {
  const { dir, entries } = readManifest(arch);
  const noSysroot = crossSysroot(arch) === null;
  if (noSysroot && entries.some((e) => e.sysroot)) console.warn(`${arch} dynamically linked guest programs skipped: no glibc sysroot (${SYSROOT_PACKAGES})`);
  describe(`${arch} guest programs on the ${backend} backend`, () => {
    it('has a manifest with programs', () => {
      expect(entries.length).toBeGreaterThan(0);
    });
    for (const e of entries) {
      it.skipIf(e.sysroot && noSysroot)(e.name, () => {
        // The wasm suite compiles every block (tier0=off), so that all of the code runs as wasm;
        // the differential suites run the default, tiered configuration. A program starting
        // dozens of threads (tag many-threads: Rust's test harness) runs tiered here too: each
        // thread translates what it runs on its own worker, and compiling all of it in every
        // worker takes a minute.
        const wasm = e.tags?.includes('many-threads') ? 'backend=wasm' : 'backend=wasm,tier0=off';
        const r = runProgram(oursWith(backend === 'wasm' ? wasm : 'backend=interp'), e, dir);
        const want = expectedStdout(dir, e);
        // The guest's status and stderr go with a failure: timing checks print their measurements there.
        if (want !== undefined) expect(r.stdout, `guest status ${r.status}, stderr:\n${r.stderr}`).toBe(want);
        if (e.expect.stderrIncludes) expect(r.stderr).toContain(e.expect.stderrIncludes);
        expect(r.stderr).not.toMatch(/\n\s+at .*\.m?js:\d+/); // never a JavaScript stack trace
        expect(r.status).toBe(e.expect.exit);
      });
    }
  });
}
