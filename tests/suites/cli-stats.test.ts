// -d stats through the real CLI: the guest's output is untouched, and the log says what was
// translated and compiled and where the time went (translated code, translation, syscalls,
// the dispatcher), with figures that add up. And -D: one log for all the processes of a run.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

function stats(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '-d', 'stats', ...args], { encoding: 'utf8', timeout: 60_000 });
  const num = (re: RegExp): number => Number(re.exec(r.stderr)?.[1] ?? NaN);
  return {
    status: r.status,
    stdout: r.stdout,
    run: num(/stats: run ([\d.]+) ms/),
    syscalls: num(/syscalls (\d+),/),
    dispatches: num(/dispatches (\d+)/),
    code: num(/translated code ([\d.]+) ms/),
    translating: num(/time: .*translating\+compiling ([\d.]+) ms/),
    syscallMs: num(/syscalls ([\d.]+) ms/),
    rest: num(/dispatcher and the rest (-?[\d.]+) ms/),
  };
}

describe('-d stats', () => {
  it('reports counts and a time split that adds up to the run', () => {
    const s = stats(join(ROOT, 'tests/binaries/riscv64/bin/hello'), 'x');
    expect(s.status).toBe(0);
    expect(s.stdout).toContain('argv[1]=x');
    expect(s.syscalls).toBeGreaterThan(3);
    expect(s.dispatches).toBeGreaterThan(100);
    for (const v of [s.run, s.code, s.translating, s.syscallMs]) expect(v).toBeGreaterThan(0);
    expect(s.code + s.translating + s.syscallMs + s.rest).toBeCloseTo(s.run, 0);
  });

  it('counts the system calls of a program that makes many, and their time', () => {
    const s = stats(join(ROOT, 'tests/binaries/aarch64/bin/syscalls'));
    expect(s.status).toBe(0);
    expect(s.syscalls).toBeGreaterThan(10);
    expect(s.syscallMs).toBeGreaterThan(0);
  });
});

/** The key=value pairs of the `stats: summary` line. */
function summary(stderr: string): Record<string, number> {
  const line = /stats: summary (.*)/.exec(stderr)?.[1] ?? '';
  return Object.fromEntries(line.split(' ').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
}

describe('-d stats summary and the compile worker', () => {
  const compute = join(ROOT, 'tests/binaries/riscv64/bin/compute');
  const run = (accel: string) => spawnSync(process.execPath, [CLI, '-d', 'stats', '-accel', `tcg,cache=off,${accel}`, compute], { encoding: 'utf8', timeout: 120_000 });

  it('counts the same guest instructions however the code was compiled, and hot code is compiled by the worker', () => {
    const worker = run('compile-thread=on');
    const here = run('compile-thread=off');
    const allCompiled = run('tier0=off');
    for (const r of [worker, here, allCompiled]) expect(r.status).toBe(0);
    expect(worker.stdout).toBe(here.stdout);
    expect(allCompiled.stdout).toBe(here.stdout);
    const [w, h, c] = [worker, here, allCompiled].map((r) => summary(r.stderr));
    expect(w.insns).toBeGreaterThan(1e6);
    expect(w.insns).toBe(h.insns);
    expect(c.insns).toBe(h.insns);
    expect(w.tier0_insns).toBeLessThan(w.insns);
    expect(c.tier0_insns).toBe(0);
    expect(w.dispatches).toBeGreaterThan(0);
    // Regions compiled on the worker's thread, none of them on this one's after the first few.
    expect(/compile worker: (\d+) regions installed, \d+ dropped \(code changed meanwhile\), 0 failed/.exec(worker.stderr)?.[1]).toMatch(/^[1-9]\d*$/);
    expect(w.worker_ms).toBeGreaterThan(0);
    expect(h.worker_ms).toBe(0);
    expect(here.stderr).not.toContain('compile worker:');
  });
});

describe('-D with the processes a guest starts', () => {
  it('keeps every process\'s lines in the one log: an execve\'d or forked emulator adds to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qemu-user-ts-log-'));
    try {
      // vfork: its children's programs run in spares (handed over), relative -D from another cwd
      const r = spawnSync(process.execPath, [CLI, '-strace', '-D', 'trace.log', join(ROOT, 'tests/binaries/riscv64/bin/vfork')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const log = readFileSync(join(dir, 'trace.log'), 'latin1');
      expect(r.status, `${r.stderr.slice(-3000)}\n${log.slice(-3000)}`).toBe(0); // an internal error's stack is in one of them
      expect(log).not.toContain('\0'); // no process truncated what another had written
      const pids = new Set(log.split('\n').filter((l) => l !== '').map((l) => l.split(' ')[0]));
      expect(pids.size).toBeGreaterThan(3); // the parent, its vfork children, the programs they ran
      expect(log).toMatch(/^\d+ /); // the parent's first line is still the first
      expect(log).toContain(' exit_group(9)'); // an exec'd child's
      expect(log.trimEnd().split('\n').at(-1)).toMatch(/ exit_group\(0\)$/); // the parent's last
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
