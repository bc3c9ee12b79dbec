// run-qemu.mjs: runs every manifest.json entry under qemu-riscv64 (or another
// command given with --qemu) and compares stdout and exit status with expected/;
// with --update it rewrites expected/*.stdout instead. Used by `make expected`
// and `make check`; the vitest suite has its own runner. --manifest FILE reads FILE
// (in this directory) instead of manifest.json, e.g. manifest-threads.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const update = argv.includes('--update');
const checkStderr = argv.includes('--check-stderr');
const qi = argv.indexOf('--qemu');
const command = (qi >= 0 ? argv[qi + 1] : 'qemu-riscv64').split(' ').filter(Boolean);
const mi = argv.indexOf('--manifest');
const manifestFile = mi >= 0 ? argv[mi + 1] : 'manifest.json';
const only = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--qemu' && argv[i - 1] !== '--manifest');

// Dynamically linked programs ("sysroot": true) run with -L and Debian's cross glibc.
const sysroot = '/usr/riscv64-linux-gnu';
const manifest = JSON.parse(readFileSync(join(here, manifestFile), 'utf8'));
let failures = 0;
// Entries Debian's qemu gets wrong ("qemuDiffers") have hand-written expected output:
// a real qemu neither rewrites nor checks them (our emulator, given with --qemu, does).
const realQemu = command[0].startsWith('qemu-');
for (const t of manifest.tests) {
  if (only.length && !only.includes(t.name)) continue;
  if (realQemu && t.qemuDiffers) {
    console.log(`skip ${t.name}: ${t.qemuDiffers}`);
    continue;
  }
  const cwd = t.cwdTemp ? mkdtempSync(join(tmpdir(), `rv64-${t.name}-`)) : here;
  const start = Date.now();
  const prefix = t.sysroot ? ['-L', sysroot] : [];
  const r = spawnSync(command[0], [...command.slice(1), ...prefix, resolve(here, t.binary), ...t.args], {
    cwd,
    input: t.stdin ?? '',
    env: { ...process.env, ...(t.env ?? {}) },
    maxBuffer: 64 << 20,
  });
  const ms = Date.now() - start;
  if (t.cwdTemp) rmSync(cwd, { recursive: true, force: true });
  const status = r.status ?? 128 + (constants.signals[r.signal] ?? 0);
  // stdoutMask: what changes from run to run (a time), each match replaced by '#'
  const mask = t.expect.stdoutMask ? new RegExp(t.expect.stdoutMask, 'g') : null;
  const stdout = mask ? r.stdout.toString('utf8').replace(mask, '#') : r.stdout.toString('utf8');
  const stderr = r.stderr.toString('utf8');
  const file = join(here, 'expected', t.expect.stdout);
  const problems = [];
  if (status !== t.expect.exit) problems.push(`exit ${status}, want ${t.expect.exit}`);
  if (update) {
    writeFileSync(file, stdout);
  } else if (!existsSync(file)) {
    problems.push(`missing ${file}`);
  } else if (readFileSync(file, 'utf8') !== stdout) {
    problems.push('stdout differs from expected');
  }
  if (checkStderr && t.expect.stderrIncludes && !stderr.includes(t.expect.stderrIncludes))
    problems.push(`stderr lacks "${t.expect.stderrIncludes}"`);
  if (problems.length) {
    failures++;
    console.log(`FAIL ${t.name} (${ms} ms): ${problems.join('; ')}`);
    if (stderr) console.log(stderr.trimEnd().replace(/^/gm, '    '));
  } else {
    console.log(`ok   ${t.name} (${ms} ms)${update ? ' (expected updated)' : ''}`);
  }
}
process.exit(failures ? 1 : 0);
