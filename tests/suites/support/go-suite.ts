// The Go suite of one architecture (go-riscv64.test.ts, go-aarch64.test.ts: two files, so
// that vitest's two workers can run them at once). Go programs, which start several OS threads at once and lean on futexes, signals
// (asynchronous preemption's SIGURG), epoll and the atomics: the standard library's own
// tests for a set of packages (GO_PACKAGES in tools/fixtures.mjs, `go test -c` for riscv64
// and arm64, run with -test.short in the package's source directory, as `go test` runs
// them, but for the tests LEFT_OUT below), a program of 1,000 goroutines exchanging over
// channels and one starting commands with os/exec from goroutines (procs: vfork from any
// thread), all on the default (wasm) backend; the goroutines program and context's
// tests (threads, timers, preemption signals) also on the reference interpreter (every
// package there with QEMU_USER_TS_GO_INTERP=all). Built by `npm run fixtures` with Debian's golang-go;
// skips, naming the command, without them.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './guest-runner.js';
// @ts-expect-error the fixtures script is plain JavaScript
import { GO_PACKAGES } from '../../../tools/fixtures.mjs';

const fixtures = process.env.QEMU_USER_TS_FIXTURES || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qemu-user-ts-fixtures');
const GO_DIR = join(fixtures, 'go');
const have = existsSync(join(GO_DIR, '.stamp'));
const goroot = have ? spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout?.trim() : '';
if (!have) console.warn(`Go programs skipped: no Go test binaries at ${GO_DIR} (npm run fixtures; it installs golang-go)`);

/**
 * Top-level tests left out of a package's run, each with why. os/signal's TestDetectNohup
 * and TestNohup run the test binary under the host's sh and nohup(1): native programs
 * executing a guest one, which needs binfmt_misc (they pass with `qemu-user-ts -binfmt
 * register`, and under qemu-user with its entries). time's TestLoadLocationFromTZData
 * reads $GOROOT/lib/time/zoneinfo.zip: Debian's golang-go does not ship it (the test fails
 * natively and under qemu alike). The tests that run the test binary again themselves
 * (os/exec: sync's TestMutexMisuse, os/signal's TestAtomicStop and
 * TestNotifyContextNotifications) run: fork and exec are ours.
 */
const LEFT_OUT: Record<string, readonly string[]> = {
  'os/signal': ['TestDetectNohup', 'TestNohup'],
  time: ['TestLoadLocationFromTZData'],
};

/**
 * A -test.run pattern that matches every top-level test name but `names` (Go 1.19 has no
 * -test.skip, and its RE2 no negative look-ahead): over a trie of the names, a node
 * matches where the name ends (unless one of `names` ends there), a character no name
 * goes on with, or a child character followed by the child's own pattern.
 */
function allBut(names: readonly string[]): string {
  type Node = { end: boolean; next: Map<string, Node> };
  const root: Node = { end: false, next: new Map() };
  for (const name of names) {
    let n = root;
    for (const c of name) {
      if (!n.next.has(c)) n.next.set(c, { end: false, next: new Map() });
      n = n.next.get(c)!;
    }
    n.end = true;
  }
  const pattern = (n: Node): string => {
    const alts = n.end ? [] : ['$'];
    alts.push(n.next.size ? `[^${[...n.next.keys()].join('')}]` : '.');
    for (const [c, child] of n.next) alts.push(`${c}(?:${pattern(child)})`);
    return alts.join('|');
  };
  return `^(?:${pattern(root)})`;
}

/**
 * The packages whose tests also run on the reference interpreter backend: context's, or
 * with QEMU_USER_TS_GO_INTERP=all every package's (about as long again as on wasm: not
 * in the default run).
 */
const INTERP_ALL = process.env.QEMU_USER_TS_GO_INTERP === 'all';
const ON_INTERP = INTERP_ALL ? GO_PACKAGES : ['context'];

/**
 * How long one package's tests may take: the interpreter is the slow reference backend
 * (strconv's TestRoundTrip32: 17 s there, 1.1 s on wasm), and every package there
 * (QEMU_USER_TS_GO_INTERP=all) takes minutes each: on this 2-core machine with two
 * packages at once, strconv took 23 min for riscv64 and passed 30 min for arm64,
 * compress/flate passed 20.
 */
const limitMs = (backend: string): number => (backend === 'interp' ? 3_600_000 : 300_000);

function run(binary: string, args: string[], cwd: string, backend = 'wasm'): { stdout: string; stderr: string; status: number | null } {
  const accel = backend === 'wasm' ? [] : ['-accel', `tcg,backend=${backend}`];
  const r = spawnSync(process.execPath, [CLI, ...accel, binary, ...args], { cwd, encoding: 'utf8', timeout: limitMs(backend), maxBuffer: 64 << 20 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status };
}

/** What tests/binaries/go/procs prints (the same program built for the host prints it too). */
const PROCS_OUTPUT = [
  'one child: "child one\\n", exit status 3',
  ...Array.from({ length: 8 }, (_, i) => `at once: child ${i}, exit status 3`),
  'host sh: "native 42\\n", <nil>',
  'missing: fork/exec /nonexistent/program: no such file or directory',
  'stdin: "FROM STDIN\\n", <nil>',
  '',
].join('\n');

export function goSuite(arch: 'riscv64' | 'aarch64'): void {
  const haveProcs = existsSync(join(GO_DIR, arch, 'procs'));
  if (have && !haveProcs) console.warn(`Go os/exec program skipped: no ${join(GO_DIR, arch, 'procs')} (npm run fixtures builds it)`);
  describe.skipIf(!have)(`Go on ${arch}`, () => {
    for (const backend of ['wasm', 'interp']) {
      const on = backend === 'wasm' ? '' : ` (${backend})`;
      it(`1,000 goroutines over channels${on}`, () => {
        const r = run(join(GO_DIR, arch, 'goroutines'), [], GO_DIR, backend);
        expect(r.stdout, r.stderr.slice(-2000)).toBe('ring sum 499500\nfan-in total 2570569\nthreads used > 1: true\n');
        expect(r.status).toBe(0);
      }, 120_000);
      // os/exec: vfork from any thread of a multithreaded process (vfork.ts); on the interpreter only with QEMU_USER_TS_GO_INTERP=all
      if (backend === 'wasm' || INTERP_ALL) it.skipIf(!haveProcs)(`os/exec from goroutines${on}`, () => {
        const r = run(join(GO_DIR, arch, 'procs'), [], GO_DIR, backend);
        expect(r.stdout, r.stderr.slice(-2000)).toBe(PROCS_OUTPUT);
        expect(r.status).toBe(0);
      }, 180_000);
      for (const pkg of (backend === 'wasm' ? GO_PACKAGES : ON_INTERP) as string[]) {
        it(`go test ${pkg} -test.short${on}`, () => {
          const only = LEFT_OUT[pkg] ? ['-test.run', allBut(LEFT_OUT[pkg])] : [];
          const r = run(join(GO_DIR, arch, `${pkg.replace(/\//g, '_')}.test`), ['-test.short', ...only], join(goroot, 'src', pkg), backend);
          expect(r.stdout.trimEnd().split('\n').at(-1), r.stdout.slice(-2000) + r.stderr.slice(-2000)).toBe('PASS');
          expect(r.status).toBe(0);
        }, limitMs(backend) + 10_000);
      }
    }
  });
}
