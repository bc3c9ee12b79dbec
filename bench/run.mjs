// bench/run.mjs: `npm run bench`. Runs each guest benchmark (bench/src/bench.c's
// subcommands, plus `startup`: the static hello of bench/src/hello.c) under
// qemu-user-ts, under Debian's qemu-<arch> and natively, checks that every run
// printed the same result, prints a table of median wall times, ratios and our
// peak RSS, and writes BENCHMARKS.md with the machine, the table and the project's
// performance targets marked PASS/FAIL.
//
//   node bench/run.mjs [--arch riscv64|aarch64] [--only name[,name]] [--runs N]
//                      [--backend wasm|interp] [--no-write] [--stats]
//
// The guest binaries are committed in bench/bin/<arch>/ (rebuild: make -C bench).
// The native binaries are built here, on demand, with the host gcc into bench/build/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const LAUNCHER = join(ROOT, 'bin', 'qemu-user-ts');
const BUNDLE = join(ROOT, 'dist', 'qemu-user-ts.cjs');
const NATIVE_DIR = join(BENCH, 'build');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');

const ARCHES = ['riscv64', 'aarch64'];
const BACKENDS = ['wasm', 'interp'];
const COMPUTE = ['sha256', 'sieve', 'nbody', 'strings', 'syscall', 'list', 'interp', 'fib'];
/** Every program: the compute subcommands of the bench binary, then start-up (hello). */
const PROGRAMS = [
  ...COMPUTE.map((name) => ({ name, binary: 'bench', args: [name] })),
  { name: 'startup', binary: 'hello', args: [] },
];
/** Start-up runs are short and noisy, so they get more runs than the others. */
const STARTUP_RUNS = 10;

/** The targets of the project's performance issue. */
const TARGETS = { geomean: 2.0, nbodyRatio: 1.0, startupMs: 150, rssMb: 300 };

// --- options -------------------------------------------------------------------------------

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error(
    'usage: node bench/run.mjs [--arch riscv64|aarch64] [--only name[,name]] [--runs N]\n' +
      '                          [--backend wasm|interp] [--no-write] [--stats]\n' +
      `programs: ${PROGRAMS.map((p) => p.name).join(', ')}`,
  );
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        arch: { type: 'string' },
        only: { type: 'string' },
        runs: { type: 'string', default: '3' },
        backend: { type: 'string' },
        'no-write': { type: 'boolean', default: false },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    usage(e.message);
  }
  if (values.help) usage();
  if (values.arch && !ARCHES.includes(values.arch)) usage(`unknown arch '${values.arch}'`);
  if (values.backend && !BACKENDS.includes(values.backend)) usage(`unknown backend '${values.backend}'`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) usage(`--runs wants a positive integer, not '${values.runs}'`);
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
  for (const name of only ?? []) if (!PROGRAMS.some((p) => p.name === name)) usage(`unknown program '${name}'`);
  return {
    arches: values.arch ? [values.arch] : ARCHES,
    programs: only ? PROGRAMS.filter((p) => only.includes(p.name)) : PROGRAMS,
    runs,
    backend: values.backend ?? null,
    write: !values['no-write'],
    stats: values.stats,
  };
}

// --- running one command -------------------------------------------------------------------

/**
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`), which prints the ru_maxrss that
 * the kernel hands to wait4() when the child exits: the true high-water mark of the
 * whole run, with nothing sampled and no race with the process's exit. Polling
 * /proc/<pid>/status VmHWM would need an asynchronous spawn, adds timer jitter to the
 * wall time and can miss the final reading when the process exits between two polls.
 * Every column (ours, qemu, native) runs under the same wrapper, so its ~1 ms cost
 * is the same everywhere. Without /usr/bin/time the RSS column says "n/a".
 */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const tempDir = mkdtempSync(join(os.tmpdir(), 'qemu-user-ts-bench-'));
process.on('exit', () => rmSync(tempDir, { recursive: true, force: true }));
const rssFile = join(tempDir, 'rss');
/**
 * Our runs keep their translation cache (src/tcg/persist.ts) here, not in the user's: each
 * program's first run fills it, as a user's first run would; start-up is timed both with it
 * (after one untimed run) and without it (-accel tcg,cache=off).
 */
const OUR_ENV = { ...process.env, QEMU_USER_TS_CACHE_DIR: join(tempDir, 'translation-cache') };
/**
 * Node.js starting with nothing to do, timed as bin/qemu-user-ts starts it: run as a
 * program, the launcher keeps NODE_EXTRA_CA_CERTS from Node.js (see its shell lines).
 */
const NODE_ALONE_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));

/** Runs cmd once; returns wall seconds, peak RSS in MB (or null), stdout, stderr, status. */
function timedRun(cmd, args, env = process.env) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 64 << 20, env });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  let rssMb = null;
  if (GNU_TIME) {
    // The last line is %M in KB; a line before it may say the command died of a signal.
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMb = kb / 1024;
  }
  return { seconds, rssMb, stdout: r.stdout, stderr: r.stderr, status: r.status, signal: r.signal };
}

/** First line of `cmd --version`, or null when cmd is not installed. */
function versionOf(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout.split('\n')[0].trim();
}

// --- the native build ----------------------------------------------------------------------

/** Builds bench/build/{bench,hello} with the host gcc if needed; returns the directory or null. */
function buildNative() {
  if (!versionOf('gcc')) return null;
  mkdirSync(NATIVE_DIR, { recursive: true });
  for (const prog of ['bench', 'hello']) {
    const src = join(BENCH, 'src', `${prog}.c`);
    const out = join(NATIVE_DIR, prog);
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) continue;
    // Static like the guest binaries; dynamic if the host has no static libc.
    const flags = ['-O2', '-s', '-Wl,--build-id=none', '-o', out, src, '-lm'];
    let r = spawnSync('gcc', ['-static', ...flags], { encoding: 'utf8' });
    if (r.status !== 0) r = spawnSync('gcc', flags, { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`bench: the native build of ${prog}.c failed, native column absent:\n${r.stderr}`);
      return null;
    }
  }
  return NATIVE_DIR;
}

// --- measuring one program -----------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function geomean(xs) {
  return Math.exp(xs.reduce((sum, x) => sum + Math.log(x), 0) / xs.length);
}

/** What is wrong with a run compared with the expected stdout, or null. */
function runProblem(column, i, run, expected) {
  if (run.signal || run.status !== 0) return `${column} run ${i + 1} ${run.signal ? `died of ${run.signal}` : `exited with status ${run.status}`}: ${run.stderr.trim().slice(-300)}`;
  if (expected !== null && run.stdout !== expected)
    return `${column} run ${i + 1} printed ${JSON.stringify(run.stdout.slice(0, 200))}, expected ${JSON.stringify(expected)}`;
  return null;
}

/**
 * Runs one program on one arch: rounds of (ours, qemu, native), so that drift of the
 * machine's speed hits both sides of a pair alike; the ratios are the medians of the
 * per-round ratios. Every run's stdout must equal the first qemu run's (else the
 * native run's), or the row is marked wrong and its timing does not count.
 */
function measure(env, arch, prog, runs) {
  const guest = join(BENCH, 'bin', arch, prog.binary);
  // Our runs start the launcher as a program, as a user's shell (or binfmt_misc) does.
  const ourArgs = [...env.ourFlags, guest, ...prog.args];
  const qemu = env.qemu[arch];
  const cols = { ours: [], qemu: [], native: [] };
  // Start-up rounds also time Node.js starting with nothing to do (the floor under ours) and
  // ours without the translation cache (every block translated, as in a program's first run).
  const startup = prog.name === 'startup';
  const nodeAlone = [];
  const uncached = [];
  if (startup) timedRun(LAUNCHER, ourArgs, OUR_ENV);
  for (let i = 0; i < runs; i++) {
    cols.ours.push(timedRun(LAUNCHER, ourArgs, OUR_ENV));
    if (startup) {
      nodeAlone.push(timedRun(process.execPath, ['-e', '0'], NODE_ALONE_ENV).seconds);
      uncached.push(timedRun(LAUNCHER, ['-accel', 'tcg,cache=off', ...ourArgs], OUR_ENV).seconds);
    }
    if (qemu) cols.qemu.push(timedRun(qemu, [guest, ...prog.args]));
    if (env.nativeDir) cols.native.push(timedRun(join(env.nativeDir, prog.binary), prog.args));
    const times = Object.entries(cols).filter(([, rs]) => rs.length).map(([c, rs]) => `${c} ${rs[i].seconds.toFixed(3)} s`);
    if (nodeAlone.length) times.push(`node -e 0 ${nodeAlone[i].toFixed(3)} s`, `ours uncached ${uncached[i].toFixed(3)} s`);
    process.stderr.write(`  ${arch} ${prog.name} run ${i + 1}/${runs}: ${times.join(', ')}\n`);
  }

  // With neither qemu nor a native build, our runs can only agree with each other.
  const reference = cols.qemu[0] ?? cols.native[0] ?? cols.ours[0];
  const expected = reference.status === 0 ? reference.stdout : null;
  const problems = [];
  for (const [column, rs] of Object.entries(cols)) rs.forEach((run, i) => {
    const p = runProblem(column, i, run, expected);
    if (p) problems.push(p);
  });
  for (const p of problems) console.error(`\n*** ${arch} ${prog.name}: WRONG RESULT, timing invalid: ${p}\n`);

  const secs = (rs) => (rs.length ? median(rs.map((r) => r.seconds)) : null);
  const pairedRatio = (rs) => (rs.length ? median(rs.map((r, i) => cols.ours[i].seconds / r.seconds)) : null);
  const rss = cols.ours.map((r) => r.rssMb).filter((x) => x !== null);
  const row = {
    arch,
    name: prog.name,
    ours: secs(cols.ours),
    qemu: secs(cols.qemu),
    native: secs(cols.native),
    oursQemu: pairedRatio(cols.qemu),
    oursNative: pairedRatio(cols.native),
    rssMb: rss.length ? Math.max(...rss) : null,
    nodeAlone: nodeAlone.length ? median(nodeAlone) : null,
    uncached: uncached.length ? median(uncached) : null,
    ok: problems.length === 0,
    checked: reference !== cols.ours[0],
    problems,
    stats: null,
  };
  if (env.stats) {
    const r = spawnSync(LAUNCHER, ['-d', 'stats', ...ourArgs], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('stats:')).map((l) => l.slice('stats:'.length).trim());
    row.stats = lines.length ? lines.join('; ') : '(no stats line)';
  }
  return row;
}

// --- the report ----------------------------------------------------------------------------

const fmt = {
  s: (x) => (x === null ? '' : x.toFixed(3)),
  ratio: (x) => (x === null ? '' : x.toFixed(2)),
  mb: (x) => (x === null ? 'n/a' : x.toFixed(1)),
};

/** The table as rows of cells: program, arch, ours, qemu, native, ratios, RSS, result. */
function tableCells(rows, env) {
  const header = ['program', 'arch', 'ours (s)', 'qemu (s)', 'native (s)', 'ours/qemu', 'ours/native', 'peak RSS (MB)', 'result'];
  const body = rows.map((r) => [
    r.name,
    r.arch,
    fmt.s(r.ours),
    env.qemu[r.arch] ? fmt.s(r.qemu) : 'absent',
    env.nativeDir ? fmt.s(r.native) : 'absent',
    fmt.ratio(r.oursQemu),
    fmt.ratio(r.oursNative),
    fmt.mb(r.rssMb),
    !r.ok ? 'WRONG' : r.checked ? 'ok' : 'unchecked',
  ]);
  return [header, ...body];
}

/** The numeric columns of the results table (right-aligned): times, ratios, RSS. */
const isNumberColumn = (c) => c >= 2 && c <= 7;

function textTable(cells) {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((cell, c) => (isNumberColumn(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

function markdownTable(cells, alignRight = () => false) {
  const line = (row) => `| ${row.join(' | ')} |`;
  const rule = cells[0].map((_, c) => (alignRight(c) ? '---:' : '---'));
  return [line(cells[0]), line(rule), ...cells.slice(1).map(line)].join('\n');
}

/** Geometric mean of ours/qemu over the compute programs of one arch (startup has its own target). */
function archGeomean(rows, arch) {
  const ratios = rows.filter((r) => r.arch === arch && r.name !== 'startup' && r.oursQemu !== null);
  const wrong = ratios.filter((r) => !r.ok).map((r) => r.name);
  const valid = ratios.filter((r) => r.ok).map((r) => r.oursQemu);
  return { value: valid.length ? geomean(valid) : null, count: valid.length, wrong };
}

/** Each target per arch: { target, arch, measured, mark } with mark PASS, FAIL or "not measured". */
function evaluateTargets(rows, env, arches) {
  const out = [];
  const find = (arch, name) => rows.find((r) => r.arch === arch && r.name === name);
  const wrongMark = (r) => (r.ok ? null : { measured: 'wrong result', mark: 'FAIL' });
  for (const arch of arches) {
    const g = archGeomean(rows, arch);
    out.push({
      target: `geometric mean of ours/qemu <= ${TARGETS.geomean.toFixed(1)}`,
      arch,
      ...(g.wrong.length
        ? { measured: `wrong result in ${g.wrong.join(', ')}`, mark: 'FAIL' }
        : g.value === null
          ? { measured: env.qemu[arch] ? 'not run' : 'qemu absent', mark: 'not measured' }
          : g.count < COMPUTE.length
            ? { measured: `${g.value.toFixed(2)} over only ${g.count} of ${COMPUTE.length} programs`, mark: 'not measured' }
            : { measured: g.value.toFixed(2), mark: g.value <= TARGETS.geomean ? 'PASS' : 'FAIL' }),
    });
    const nbody = find(arch, 'nbody');
    out.push({
      target: 'nbody faster than qemu (ours/qemu < 1)',
      arch,
      ...(!nbody || nbody.oursQemu === null
        ? { measured: nbody ? 'qemu absent' : 'not run', mark: 'not measured' }
        : wrongMark(nbody) ?? { measured: fmt.ratio(nbody.oursQemu), mark: nbody.oursQemu < TARGETS.nbodyRatio ? 'PASS' : 'FAIL' }),
    });
    const startup = find(arch, 'startup');
    out.push({
      target: `start-up (static hello) <= ${TARGETS.startupMs} ms median`,
      arch,
      ...(!startup
        ? { measured: 'not run', mark: 'not measured' }
        : wrongMark(startup) ?? {
            measured:
              `${(startup.ours * 1000).toFixed(0)} ms` +
              (startup.nodeAlone === null ? '' : ` (without the translation cache: ${(startup.uncached * 1000).toFixed(0)} ms; node -e 0: ${(startup.nodeAlone * 1000).toFixed(0)} ms)`),
            mark: startup.ours * 1000 <= TARGETS.startupMs ? 'PASS' : 'FAIL',
          }),
    });
    const measured = rows.filter((r) => r.arch === arch && r.rssMb !== null);
    const worst = measured.reduce((a, r) => (a && a.rssMb >= r.rssMb ? a : r), null);
    out.push({
      target: `peak RSS < ${TARGETS.rssMb} MB for every benchmark`,
      arch,
      ...(!worst
        ? { measured: GNU_TIME ? 'not run' : 'no /usr/bin/time', mark: 'not measured' }
        : { measured: `max ${worst.rssMb.toFixed(1)} MB (${worst.name})`, mark: worst.rssMb < TARGETS.rssMb ? 'PASS' : 'FAIL' }),
    });
  }
  return out;
}

/**
 * Node.js reads and parses the whole certificate bundle NODE_EXTRA_CA_CERTS names when it
 * starts, before any JavaScript runs: where the environment sets it, say what it adds to a
 * start through `node` (bin/qemu-user-ts run as a program does not pay it).
 */
function extraCaCertsNote() {
  if (!process.env.NODE_EXTRA_CA_CERTS) return [];
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  const nodeStart = (env) => median(Array.from({ length: 7 }, () => timedRun(process.execPath, ['-e', '0'], env).seconds)) * 1000;
  const [withCerts, withoutCerts] = [nodeStart(process.env), nodeStart(without)];
  return [`NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): \`node -e 0\` takes ${withCerts.toFixed(0)} ms with it, ${withoutCerts.toFixed(0)} ms without (median of 7)`];
}

/** What the numbers were measured on. */
function describeMachine(env) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const distro = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? os.type();
  const gccs = ['gcc', 'riscv64-linux-gnu-gcc', 'aarch64-linux-gnu-gcc'].map((c) => `${c}: ${versionOf(c) ?? 'absent'}`);
  return [
    `CPU: ${cpu}`,
    `cores: ${os.cpus().length}`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `OS: ${distro}, ${os.type()} ${os.release()} ${os.machine()}`,
    `node: ${process.version}`,
    ...ARCHES.map((a) => `qemu-${a}: ${env.qemuVersion[a] ?? 'absent'}`),
    ...gccs,
    `load average at start: ${env.loadAtStart.map((x) => x.toFixed(2)).join(', ')}`,
    ...extraCaCertsNote(),
  ];
}

/** The commit measured, with a note when src/ has uncommitted changes. */
function describeSource() {
  const head = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.error || head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout.trim();
  return `${head.stdout.trim()}${dirty ? ' with uncommitted changes in src/' : ''}`;
}

function writeReport(rows, env, opts, targets) {
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const geo = opts.arches.map((a) => {
    const g = archGeomean(rows, a);
    return `- ${a}: ${g.value === null ? 'not measured' : g.value.toFixed(2)}${g.wrong.length ? ` (wrong results excluded: ${g.wrong.join(', ')})` : ''}`;
  });
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.mjs); do not edit by hand. It runs the guest programs',
    'of `bench/` (bench/src/bench.c: one subcommand per benchmark; `startup` is the static hello of',
    'bench/src/hello.c) under qemu-user-ts, under Debian\'s `qemu-riscv64` / `qemu-aarch64` and as',
    'a native host build, and checks that every run printed the same result.',
    '',
    '```sh',
    'npm run build && npm run bench              # all programs, both archs, 3 runs each',
    'npm run bench -- --arch riscv64 --only nbody,fib --runs 5 --no-write',
    '```',
    '',
    'Times are medians of wall time (whole process, start-up included); ours runs',
    '`bin/qemu-user-ts` as a program, as a shell does. Runs are paired',
    '(ours, qemu, native, then again), and each ratio is the median of the per-round ratios, so',
    'drift in the machine\'s speed cancels. Peak RSS is ours, from `/usr/bin/time -f %M`.',
    'The geometric mean is over the compute programs; start-up has its own target, and its rounds',
    'also time `node -e 0` (Node.js starting with nothing to do, without NODE_EXTRA_CA_CERTS as our',
    'launcher starts it), the floor under our start-up, and',
    'ours without the translation cache (`-accel tcg,cache=off`: every block translated, as in the',
    'first run of a program); the start-up column is with the cache, after one untimed run.',
    'Start-up is measured first, both archs back to back, before the compute programs.',
    '',
    `Date: ${new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}  `,
    `Command: \`${command}\`  `,
    `Runs: ${opts.runs} per program, ${Math.max(opts.runs, STARTUP_RUNS)} for startup; backend: ${opts.backend ?? 'wasm (default)'}  `,
    `qemu-user-ts: ${describeSource()}`,
    '',
    '## Machine',
    '',
    ...describeMachine(env).map((l) => `- ${l}`),
    '',
    '## Results',
    '',
    markdownTable(tableCells(rows, env), isNumberColumn),
    '',
    'Geometric mean of ours/qemu:',
    '',
    ...geo,
    '',
    ...(rows.some((r) => !r.ok) ? ['Wrong results (their timings do not count):', '', ...rows.flatMap((r) => r.problems.map((p) => `- ${r.arch} ${r.name}: ${p}`)), ''] : []),
    ...(opts.stats ? ['## -d stats', '', ...rows.map((r) => `- ${r.arch} ${r.name}: \`${r.stats}\``), ''] : []),
    '## Targets',
    '',
    'From the project\'s performance issue:',
    '',
    markdownTable([['target', 'arch', 'measured', 'mark'], ...targets.map((t) => [t.target, t.arch, t.measured, t.mark === 'PASS' || t.mark === 'FAIL' ? `**${t.mark}**` : t.mark])]),
    '',
  ].join('\n');
  writeFileSync(OUTPUT, text);
  console.log(`\nwrote ${relative(process.cwd(), OUTPUT) || OUTPUT}`);
}

// --- main ----------------------------------------------------------------------------------

/** Newest modification time of any file under dir. */
function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function main() {
  const opts = parseOptions();
  const loadAtStart = os.loadavg();
  if (!existsSync(BUNDLE)) usage('dist/ is not built: run `npm run build` first');
  if (newestMtime(join(ROOT, 'src')) > statSync(BUNDLE).mtimeMs)
    console.error('bench: warning: src/ is newer than dist/: you are measuring an old build (run `npm run build`)');
  for (const arch of opts.arches)
    for (const b of ['bench', 'hello'])
      if (!existsSync(join(BENCH, 'bin', arch, b))) usage(`bench/bin/${arch}/${b} is missing: run \`make -C bench\``);

  const qemuVersion = Object.fromEntries(ARCHES.map((a) => [a, versionOf(`qemu-${a}`)]));
  const env = {
    ourFlags: opts.backend ? ['-accel', `tcg,backend=${opts.backend}`] : [],
    qemu: Object.fromEntries(ARCHES.map((a) => [a, qemuVersion[a] ? `qemu-${a}` : null])),
    qemuVersion,
    nativeDir: buildNative(),
    stats: opts.stats,
    loadAtStart,
  };
  if (!env.nativeDir) console.error('bench: no host gcc: the native column is absent');
  if (!GNU_TIME) console.error('bench: no /usr/bin/time: peak RSS is not measured');

  console.error(`bench: ${opts.programs.map((p) => p.name).join(', ')} on ${opts.arches.join(', ')}; ${opts.runs} run(s) each, ${Math.max(opts.runs, STARTUP_RUNS)} for startup`);
  // Start-up first, every arch's back to back, then the compute programs: a start-up time is
  // absolute (its target is in ms, not a ratio), and in runs of the whole suite the machine
  // was often slower after a quarter of an hour of load (node -e 0 too, by up to 30%), so
  // rows measured at the end were not comparable with rows measured at the start.
  const order = [...opts.programs.filter((p) => p.name === 'startup'), ...opts.programs.filter((p) => p.name !== 'startup')];
  const measured = [];
  for (const prog of order)
    for (const arch of opts.arches)
      measured.push(measure(env, arch, prog, prog.name === 'startup' ? Math.max(opts.runs, STARTUP_RUNS) : opts.runs));
  // The table keeps its order: by arch, then program.
  const rows = opts.arches.flatMap((arch) => opts.programs.map((p) => measured.find((r) => r.arch === arch && r.name === p.name)));

  console.log(`\n${textTable(tableCells(rows, env))}\n`);
  for (const arch of opts.arches) {
    const g = archGeomean(rows, arch);
    console.log(`geometric mean of ours/qemu, ${arch}: ${g.value === null ? 'not measured' : `${g.value.toFixed(2)} over ${g.count} of ${COMPUTE.length} programs`}${g.wrong.length ? ` (WRONG results excluded: ${g.wrong.join(', ')})` : ''}`);
  }
  if (opts.stats) {
    console.log('');
    for (const r of rows) console.log(`${r.arch} ${r.name}: ${r.stats}`);
  }
  const targets = evaluateTargets(rows, env, opts.arches);
  console.log('');
  for (const t of targets) console.log(`${t.mark.padEnd(12)} ${t.arch.padEnd(8)} ${t.target}: ${t.measured}`);
  const wrong = rows.filter((r) => !r.ok);
  if (wrong.length) console.log(`\n*** WRONG RESULTS in ${wrong.map((r) => `${r.arch} ${r.name}`).join(', ')}: those timings are invalid`);
  if (opts.write) writeReport(rows, env, opts, targets);
  process.exitCode = wrong.length ? 1 : 0;
}

main();
