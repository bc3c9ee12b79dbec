// Go programs, which start several OS threads at once and lean on futexes, signals
// (asynchronous preemption's SIGURG), epoll and the atomics: the standard library's own
// tests for a set of packages (GO_PACKAGES in tools/fixtures.mjs, `go test -c` for riscv64
// and arm64, run with -test.short in the package's source directory, as `go test` runs
// them) and a program of 1,000 goroutines exchanging over channels. Built by `npm run
// fixtures` with Debian's golang-go; skips, naming the command, without them.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './support/guest-runner.js';
// @ts-expect-error the fixtures script is plain JavaScript
import { GO_PACKAGES } from '../../tools/fixtures.mjs';

const fixtures = process.env.QEMU_USER_TS_FIXTURES || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qemu-user-ts-fixtures');
const GO_DIR = join(fixtures, 'go');
const have = existsSync(join(GO_DIR, '.stamp'));
const goroot = have ? spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout?.trim() : '';
if (!have) console.warn(`Go programs skipped: no Go test binaries at ${GO_DIR} (npm run fixtures; it installs golang-go)`);

function run(binary: string, args: string[], cwd: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [CLI, binary, ...args], { cwd, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

for (const arch of ['riscv64', 'aarch64']) {
  describe.skipIf(!have)(`Go on ${arch}`, () => {
    it('1,000 goroutines over channels', () => {
      const r = run(join(GO_DIR, arch, 'goroutines'), [], GO_DIR);
      expect(r.stdout).toBe('ring sum 499500\nfan-in total 2570569\nthreads used > 1: true\n');
      expect(r.status).toBe(0);
    }, 120_000);
    for (const pkg of GO_PACKAGES as string[]) {
      it(`go test ${pkg} -test.short`, () => {
        const r = run(join(GO_DIR, arch, `${pkg.replace(/\//g, '_')}.test`), ['-test.short'], join(goroot, 'src', pkg));
        expect(r.stdout.trimEnd().split('\n').at(-1), r.stdout.slice(-2000) + r.stderr.slice(-2000)).toBe('PASS');
        expect(r.status).toBe(0);
      }, 300_000);
    }
  });
}
