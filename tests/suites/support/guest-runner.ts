// Runs guest test programs the way a user would — through bin/qemu-user-ts, or
// Debian's qemu-<arch> for differential runs — and reads the manifest that lists
// them (tests/binaries/<arch>/manifest.json).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'bin/qemu-user-ts');

export interface ManifestEntry {
  name: string;
  binary: string;
  args?: string[];
  stdin?: string;
  env?: Record<string, string>;
  /**
   * stdoutMask: a regular expression for what a program prints that changes from run to run
   * (a time); each match is replaced by `#` before stdout is compared or written.
   */
  expect: { stdout?: string; exit: number; stderrIncludes?: string; stdoutMask?: string };
  tags?: string[];
  cwdTemp?: boolean;
  /** A dynamically linked program: runs with -L and the arch's glibc sysroot (crossSysroot). */
  sysroot?: boolean;
  /**
   * Why Debian's qemu-user 7.2 gets this one wrong (Linux's behaviour is the expected
   * output, written by hand): the differential suites leave it out, `make expected` too.
   */
  qemuDiffers?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
}

export function readManifest(arch: string): { dir: string; entries: ManifestEntry[] } {
  const dir = join(ROOT, 'tests/binaries', arch);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return { dir, entries: [] };
  const raw = JSON.parse(readFileSync(file, 'utf8')) as ManifestEntry[] | { tests: ManifestEntry[] };
  return { dir, entries: Array.isArray(raw) ? raw : raw.tests };
}

/** The expected stdout of an entry: a file under expected/ when one exists by that name, else inline text. */
export function expectedStdout(dir: string, e: ManifestEntry): string | undefined {
  const s = e.expect.stdout;
  if (s === undefined) return undefined;
  const f = join(dir, 'expected', s);
  return existsSync(f) ? readFileSync(f, 'utf8') : s;
}

/** Exit status as a shell reports it: 128+N for a death by signal N. */
function statusOf(r: ReturnType<typeof spawnSync>): number {
  if (r.error) throw r.error;
  if (r.signal) return 128 + (osSignals[r.signal] ?? 0);
  return r.status ?? -1;
}
/** Host signal numbers by name (x86-64 and the 64-bit guests agree on 1..31). */
const osSignals: Record<string, number> = constants.signals;

/**
 * The glibc sysroot that dynamically linked test programs of `arch` run with (-L): Debian's
 * libc6-riscv64-cross / libc6-arm64-cross put it under /usr/<triplet>. Null when absent.
 */
export function crossSysroot(arch: string): string | null {
  const root = `/usr/${arch}-linux-gnu`;
  const ld = arch === 'riscv64' ? 'ld-linux-riscv64-lp64d.so.1' : 'ld-linux-aarch64.so.1';
  return existsSync(join(root, 'lib', ld)) ? root : null;
}

/** The apt command that installs the sysroots crossSysroot looks for. */
export const SYSROOT_PACKAGES = 'apt-get install libc6-riscv64-cross libc6-arm64-cross';

export function runProgram(command: string[], e: ManifestEntry, dir: string, timeoutMs = 120_000): RunResult {
  const cwd = e.cwdTemp ? mkdtempSync(join(tmpdir(), `guest-${e.name}-`)) : dir;
  let prefix: string[] = [];
  if (e.sysroot) {
    const root = crossSysroot(basename(dir));
    if (!root) throw new Error(`${e.name} needs the ${basename(dir)} glibc sysroot (${SYSROOT_PACKAGES})`);
    prefix = ['-L', root];
  }
  try {
    const r = spawnSync(command[0], [...command.slice(1), ...prefix, join(dir, e.binary), ...(e.args ?? [])], {
      cwd,
      input: e.stdin ?? '',
      env: { ...process.env, ...(e.env ?? {}) },
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
    });
    return { stdout: maskStdout(e, r.stdout.toString('utf8')), stderr: r.stderr.toString('utf8'), status: statusOf(r) };
  } finally {
    if (e.cwdTemp) rmSync(cwd, { recursive: true, force: true });
  }
}

/** stdout with each match of the entry's stdoutMask replaced by `#`. */
export function maskStdout(e: ManifestEntry, stdout: string): string {
  return e.expect.stdoutMask ? stdout.replace(new RegExp(e.expect.stdoutMask, 'g'), '#') : stdout;
}

/** Our emulator's command line; `accel` adds -accel properties (e.g. tier0=off). */
export const ours = (backend: 'wasm' | 'interp', ...extra: string[]): string[] => [process.execPath, CLI, '-accel', `tcg,backend=${backend}`, ...extra];
export const oursWith = (accel: string, ...extra: string[]): string[] => [process.execPath, CLI, '-accel', `tcg,${accel}`, ...extra];

export function hostHas(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
