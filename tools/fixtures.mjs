// `npm run fixtures`: fetches what the optional test suites need, outside the repository.
//  - Debian's cross glibc for riscv64 and arm64 (libc6-riscv64-cross, libc6-arm64-cross:
//    host packages under /usr/<triplet>), the -L sysroots of our own dynamic test programs;
//  - a Debian arm64 sysroot of real distribution programs (coreutils, busybox, python3.11,
//    sqlite3, lua5.4, gzip, xz, grep, sed, gawk) with every package they depend on,
//    downloaded with `apt-get download PKG:arm64` and unpacked with `dpkg -x`: foreign
//    packages are never installed into the host.
//  - Debian's Go (golang-go, a host package) and, built with it, the Go test binaries of the
//    threads suite (GOOS=linux GOARCH=riscv64 / arm64, CGO_ENABLED=0 go test -c) and
//    the programs of tests/binaries/go/ (goroutines, procs), into go/<arch>/ (GO_PACKAGES,
//    GO_PROGRAMS; tests/suites/support/go-suite.ts).
// The sysroot goes to $QEMU_USER_TS_FIXTURES (default ~/.cache/qemu-user-ts-fixtures)
// /debian-arm64; a stamp file lists the packages it holds, so a second run with the same
// list does nothing. Needs root (or sudo) for apt-get; prints one line per step.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The programs the Debian suite and the guest shell suite run; their dependency closure comes along. */
const PACKAGES = [
  'libc6', 'coreutils', 'busybox-static', 'python3.11-minimal', 'libpython3.11-stdlib', 'sqlite3', 'lua5.4',
  'gzip', 'xz-utils', 'grep', 'sed', 'gawk', 'make', 'dash',
];
const CROSS_LIBC = ['libc6-riscv64-cross', 'libc6-arm64-cross'];
/**
 * The standard-library packages whose tests the Go suite runs (go test -c of each, per
 * arch). math/big's are the longest: ~37 s on this 2-core machine under load (TestNatDiv
 * alone 10-13 s), where qemu-user takes 7-8 s.
 */
export const GO_PACKAGES = [
  'strconv', 'sort', 'strings', 'container/heap', 'hash/crc32', 'context', 'sync/atomic', 'math', 'encoding/json', 'regexp',
  'bytes', 'compress/flate', 'sync', 'time', 'os/signal', 'math/big',
];
/**
 * Build tags of a package's test binary. time's tests load America/Los_Angeles from
 * $GOROOT/lib/time/zoneinfo.zip, which Debian's golang-go does not ship (they panic at
 * start-up, natively and under qemu alike): timetzdata embeds the zone database.
 */
export const GO_TEST_TAGS = { time: 'timetzdata' };
/** Go's names of our guests. */
export const GO_ARCHES = { riscv64: 'riscv64', aarch64: 'arm64' };

export const fixturesDir = () => process.env.QEMU_USER_TS_FIXTURES || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qemu-user-ts-fixtures');

/** Runs a command as root: directly when we are root, else through sudo. */
const asRoot = (args, opts) => (process.getuid?.() === 0 ? run(args[0], args.slice(1), opts) : run('sudo', args, opts));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' / ');
    console.error(`fixtures: ${[cmd, ...args].join(' ').slice(0, 200)} failed: ${why}`);
    process.exit(1);
  }
  return r.stdout;
}

const step = (s) => console.log(`fixtures: ${s}`);
const installed = (p) => (spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout ?? '').includes('install ok installed');
const known = (p) => spawnSync('apt-cache', ['show', p], { stdio: 'ignore' }).status === 0;

/** The arm64 architecture in dpkg, fresh package lists, and the cross glibc installed. */
function prepareApt() {
  const needArch = !run('dpkg', ['--print-foreign-architectures']).split('\n').includes('arm64');
  const needCross = [...CROSS_LIBC, 'golang-go'].filter((p) => !installed(p));
  if (needArch) {
    step('dpkg --add-architecture arm64');
    asRoot(['dpkg', '--add-architecture', 'arm64']);
  }
  if (needArch || !known('libc6:arm64') || needCross.some((p) => !known(p))) {
    step('apt-get update');
    asRoot(['apt-get', 'update', '-qq']);
  }
  if (needCross.length) {
    step(`apt-get install ${needCross.join(' ')}`);
    asRoot(['apt-get', 'install', '-y', '-qq', ...needCross], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}

/** PACKAGES and everything they depend on (Depends, Pre-Depends), as arm64 package names. */
function closure() {
  const out = run('apt-cache', [
    'depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances',
    ...PACKAGES.map((p) => `${p}:arm64`),
  ]);
  const names = new Set();
  for (const line of out.split('\n')) {
    // top-level lines name packages; indented ones are the relations; <virtual> ones have no file
    if (line === '' || line.startsWith(' ') || line.startsWith('<')) continue;
    if (line.endsWith(':arm64')) names.add(line);
  }
  return [...names].sort();
}

function buildSysroot(target) {
  const packages = closure();
  const stampFile = join(target, '.packages');
  const stamp = `${packages.join('\n')}\n`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    step(`${target} is up to date (${packages.length} packages)`);
    return;
  }
  const work = mkdtempSync(join(fixturesDir(), '.work-'));
  try {
    const debs = join(work, 'debs');
    const root = join(work, 'root');
    mkdirSync(debs);
    mkdirSync(root);
    step(`downloading ${packages.length} arm64 packages`);
    run('apt-get', ['download', '-qq', ...packages], { cwd: debs });
    for (const f of readdirSync(debs).filter((f) => f.endsWith('.deb')).sort()) run('dpkg', ['-x', join(debs, f), root]);
    writeFileSync(join(root, '.packages'), stamp);
    rmSync(target, { recursive: true, force: true });
    renameSync(root, target);
    step(`${target}: ${packages.length} packages unpacked`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The Go programs of tests/binaries/go/, each a module of its own. */
const GO_SOURCES = join(import.meta.dirname, '..', 'tests', 'binaries', 'go');
const GO_PROGRAMS = ['goroutines', 'procs'];

/**
 * The Go test binaries and the programs of GO_PROGRAMS, built once per Go version, package list
 * and tags (a stamp file says which). Built over what is there, not into an emptied
 * directory: other checkouts' suites may be running the binaries of their own lists.
 */
function buildGo(target) {
  const version = run('go', ['version']).trim();
  const stampFile = join(target, '.stamp');
  const stamp = `${version}\n${GO_PACKAGES.join(' ')}\n${JSON.stringify(GO_TEST_TAGS)}\n${GO_PROGRAMS.join(' ')}\n`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    step(`${target} is up to date (${version})`);
    return;
  }
  for (const [arch, goarch] of Object.entries(GO_ARCHES)) {
    const dir = join(target, arch);
    mkdirSync(dir, { recursive: true });
    const env = { ...process.env, GOOS: 'linux', GOARCH: goarch, CGO_ENABLED: '0' };
    step(`go test -c of ${GO_PACKAGES.length} packages for ${goarch}`);
    for (const pkg of GO_PACKAGES) {
      const tags = GO_TEST_TAGS[pkg] ? [`-tags=${GO_TEST_TAGS[pkg]}`] : [];
      run('go', ['test', '-c', ...tags, '-o', join(dir, `${pkg.replace(/\//g, '_')}.test`), pkg], { env });
    }
    for (const program of GO_PROGRAMS) run('go', ['build', '-o', join(dir, program), '.'], { env, cwd: join(GO_SOURCES, program) });
  }
  writeFileSync(stampFile, stamp);
}

mkdirSync(fixturesDir(), { recursive: true });
prepareApt();
buildSysroot(join(fixturesDir(), 'debian-arm64'));
buildGo(join(fixturesDir(), 'go'));
