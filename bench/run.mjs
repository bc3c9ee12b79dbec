// bench/run.mjs: `npm run bench`. Two groups of guest programs, each run under
// qemu-user-ts and under Debian's qemu-<arch>, their outputs checked equal:
//  - micro: bench/src/bench.c's subcommands, plus `startup` (the static hello of
//    bench/src/hello.c), also run natively;
//  - real: real programs on generated inputs (bench/real/workloads.mjs): Debian's
//    busybox-static (aarch64, fetched into bench/cache/ when missing) and lua, sqlite3 and
//    bzip2 built from Debian's sources (bench/real/build.sh), ours timed cold (no
//    translation cache) and warm (after one untimed run), plus figures from -d stats.
//  - threads: bench/src/threads.c, the same CPU-bound work on 1 and on 2 threads (how far
//    threads run in parallel) and thread creation + join, beside qemu.
//  - processes: bench/src/procs.c, fork + exec + wait of a static program, and busybox sh
//    running 200 external commands, beside qemu (whose guest execve needs its binfmt_misc
//    entry registered, and ours not).
// Prints tables of median wall times, ratios and our peak RSS, and writes BENCHMARKS.md
// with the machine, the tables and the project's performance targets marked PASS/FAIL.
//
//   node bench/run.mjs [--group micro|real|threads|processes|all] [--arch riscv64|aarch64] [--only name[,name]]
//                      [--runs N] [--real-runs N] [--backend wasm|interp] [--no-write] [--stats]
//
// The guest binaries are committed in bench/bin/<arch>/ (rebuild: make -C bench, and
// bench/real/build.sh for the real programs). The native binaries of the micro group are
// built here, on demand, with the host gcc into bench/build/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUSYBOX_PACKAGE, REAL_WORKLOADS, fetchBusybox, writeInputs } from './real/workloads.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const LAUNCHER = join(ROOT, 'bin', 'qemu-user-ts');
const BUNDLE = join(ROOT, 'dist', 'qemu-user-ts.cjs');
const NATIVE_DIR = join(BENCH, 'build');
const CACHE_DIR = join(BENCH, 'cache');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');

const ARCHES = ['riscv64', 'aarch64'];
const BACKENDS = ['wasm', 'interp'];
const GROUPS = ['micro', 'real', 'threads', 'processes', 'all'];
/** The processes group: `procs forkexec N` rounds of fork + exec + wait, and a busybox sh loop of SHELL_LOOP external commands. */
const PROC_ROUNDS = 20;
const SHELL_LOOP = 200;
/** The threads group: `threads work T` split over T threads, and `threads spawn N` create+join rounds. */
const THREAD_SPAWNS = 200;
const COMPUTE = ['sha256', 'sieve', 'nbody', 'strings', 'syscall', 'list', 'interp', 'fib'];
/** Every program: the compute subcommands of the bench binary, then start-up (hello). */
const PROGRAMS = [
  ...COMPUTE.map((name) => ({ name, binary: 'bench', args: [name] })),
  { name: 'startup', binary: 'hello', args: [] },
];
/** Start-up runs are short and noisy, so they get more runs than the others. */
const STARTUP_RUNS = 10;
/** Runs per micro program unless --runs says otherwise. */
const DEFAULT_RUNS = 3;
/**
 * A real program runs ours 2N+2 times for N rounds (cold and warm in each, one untimed run
 * before, one -d stats run after). Unless --real-runs (or --runs) asks for a number, it gets
 * up to REAL_MAX_ROUNDS rounds but no more once its rounds have taken REAL_ROUND_BUDGET_S:
 * while ours is many times slower than qemu that is one or two rounds, and the whole
 * `npm run bench` stays near a quarter of an hour.
 */
const REAL_MAX_ROUNDS = 3;
const REAL_ROUND_BUDGET_S = 12;
/** Every name --only takes. */
const ALL_NAMES = [...PROGRAMS.map((p) => p.name), ...REAL_WORKLOADS.map((w) => w.name)];

/** The targets of the project's performance issue (issue 12). */
const TARGETS = {
  geomean: 1.15, // micro group, ours/qemu
  nbodyRatio: 1.0,
  syscallRatio: 1.5,
  startupOverNodeMs: 40, // static hello, over `node -e 0`
  rssMb: 300,
  realMinQemuSeconds: 0.2, // real programs shorter than this under qemu are not in the real targets
  realColdGeomean: 1.5,
  realWarmGeomean: 1.2,
  realColdMax: 2.5,
};

// --- options -------------------------------------------------------------------------------

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error(
    'usage: node bench/run.mjs [--group micro|real|threads|processes|all] [--arch riscv64|aarch64] [--only name[,name]]\n' +
      '                          [--runs N] [--real-runs N] [--backend wasm|interp] [--no-write] [--stats]\n' +
      `  --runs N       runs per program (micro: default ${DEFAULT_RUNS}, start-up at least ${STARTUP_RUNS}; real: see --real-runs)\n` +
      `  --real-runs N  rounds per real program (default: --runs if given, else up to ${REAL_MAX_ROUNDS} within ${REAL_ROUND_BUDGET_S} s of rounds)\n` +
      `micro programs: ${PROGRAMS.map((p) => p.name).join(', ')}\n` +
      `real programs: ${REAL_WORKLOADS.map((w) => w.name).join(', ')}`,
  );
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        group: { type: 'string', default: 'all' },
        arch: { type: 'string' },
        only: { type: 'string' },
        runs: { type: 'string' },
        'real-runs': { type: 'string' },
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
  if (!GROUPS.includes(values.group)) usage(`unknown group '${values.group}'`);
  if (values.arch && !ARCHES.includes(values.arch)) usage(`unknown arch '${values.arch}'`);
  if (values.backend && !BACKENDS.includes(values.backend)) usage(`unknown backend '${values.backend}'`);
  const count = (text, option) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) usage(`${option} wants a positive integer, not '${text}'`);
    return n;
  };
  const runs = values.runs === undefined ? DEFAULT_RUNS : count(values.runs, '--runs');
  // Real rounds: exactly the number asked for, else up to REAL_MAX_ROUNDS within the budget.
  const realRuns =
    values['real-runs'] !== undefined
      ? { max: count(values['real-runs'], '--real-runs'), budget: Infinity }
      : values.runs !== undefined
        ? { max: runs, budget: Infinity }
        : { max: REAL_MAX_ROUNDS, budget: REAL_ROUND_BUDGET_S };
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
  for (const name of only ?? []) if (!ALL_NAMES.includes(name)) usage(`unknown program '${name}'`);
  const wanted = (name) => !only || only.includes(name);
  const arches = values.arch ? [values.arch] : ARCHES;
  return {
    group: values.group,
    arches,
    programs: ['micro', 'all'].includes(values.group) ? PROGRAMS.filter((p) => wanted(p.name)) : [],
    workloads: ['real', 'all'].includes(values.group) ? REAL_WORKLOADS.filter((w) => wanted(w.name) && w.arches.some((a) => arches.includes(a))) : [],
    threads: (values.group === 'threads' || values.group === 'all') && !only,
    processes: (values.group === 'processes' || values.group === 'all') && !only,
    runs,
    realRuns,
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

/**
 * Runs cmd once; returns wall seconds, peak RSS in MB (or null), stdout, stderr, status.
 * stdout is a string, or a Buffer when `binary` is set; stdin is empty.
 */
function timedRun(cmd, args, env = process.env, { cwd, binary = false } = {}) {
  const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { encoding: binary ? 'buffer' : 'utf8', maxBuffer: 256 << 20, env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
  if (binary) r.stderr = r.stderr.toString('utf8');
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

// --- measuring one real program ----------------------------------------------------------

/** The inputs and scratch space of the real group, inside the harness's temporary directory. */
const REAL_DATA = join(tempDir, 'real-data');
const REAL_WORK = join(tempDir, 'real-work');
const REAL_STATS = join(tempDir, 'real-stats');
/**
 * The real group's translation caches, one directory per program and arch, so that a warm
 * run finds what the same command translated before it (after one untimed run that fills
 * it), whichever programs --only picked.
 */
const REAL_CACHE = join(tempDir, 'real-translation-cache');

/** s quoted for /bin/sh. */
const shQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The `run` function a workload's script calls: the words of cmd, then the script's arguments. */
const runFunction = (cmd) => `run() { ${cmd.map(shQuote).join(' ')} "$@"; }`;

/** The -d stats run: every emulator process writes its log to a file of its own in REAL_STATS. */
const statsRunFunction = (ourFlags) =>
  `run() { ${shQuote(LAUNCHER)} -d stats -D "$(mktemp "$STATS_DIR/log.XXXXXX")" ${[...ourFlags, '-accel', 'tcg,cache=off'].map(shQuote).join(' ')} "$@"; }`;

/** Runs a workload's script once with the given `run` function, in an emptied scratch directory. */
function runWorkload(workload, runFn, env) {
  rmSync(REAL_WORK, { recursive: true, force: true });
  mkdirSync(REAL_WORK);
  return timedRun('/bin/sh', ['-c', `set -e\n${runFn}\n${workload.script}\n`], env, { cwd: REAL_WORK, binary: true });
}

/**
 * One process's -d stats log: the summary line when there is one
 *   stats: summary insns=N hub_hops=N tier0_insns=N dispatches=N blocks_translated=N tier0_blocks=N
 *                  translate_ms=X worker_ms=X tier0_ms=X code_ms=X run_ms=X
 * else what the older lines say (dispatches, blocks, translation time; no instruction count).
 */
function parseStatsLog(text) {
  const summary = /^stats: summary (.*)$/m.exec(text);
  if (summary) {
    const fields = Object.fromEntries(summary[1].trim().split(/\s+/).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
    return { summary: true, ...fields };
  }
  const run = /^stats: run ([\d.]+) ms, blocks translated (\d+) in \d+ regions \(([\d.]+) ms translating\+compiling\), dispatches (\d+)/m.exec(text);
  if (!run) return null;
  const tier0 = /tier-0 blocks (\d+)/.exec(text);
  return { summary: false, run_ms: Number(run[1]), blocks_translated: Number(run[2]), translate_ms: Number(run[3]), dispatches: Number(run[4]), tier0_blocks: tier0 ? Number(tier0[1]) : 0 };
}

/**
 * The derived figures of a workload's -d stats run, summed over its emulator processes:
 * dispatches per million guest instructions, translation µs per block (tier-0 blocks
 * included; the CPU thread's time and the compile worker's) and tier 0's share of the run
 * time; null where the logs lack what they need.
 */
function statsFigures(logs) {
  const parsed = logs.map(parseStatsLog);
  if (!parsed.length || parsed.some((p) => p === null)) return null;
  const sum = (key) => parsed.reduce((total, p) => total + (p[key] ?? 0), 0);
  const withSummary = parsed.every((p) => p.summary);
  const insns = sum('insns');
  const blocks = sum('blocks_translated') + sum('tier0_blocks');
  const runMs = sum('run_ms');
  return {
    processes: parsed.length,
    summary: withSummary,
    dispatchesPerMInsns: withSummary && insns > 0 ? (sum('dispatches') / insns) * 1e6 : null,
    usPerBlock: blocks > 0 ? ((sum('translate_ms') + sum('worker_ms')) * 1000) / blocks : null,
    tier0Share: withSummary && runMs > 0 ? sum('tier0_ms') / runMs : null,
    line: withSummary
      ? `insns=${insns} hub_hops=${sum('hub_hops')} tier0_insns=${sum('tier0_insns')} dispatches=${sum('dispatches')} blocks_translated=${sum('blocks_translated')} tier0_blocks=${sum('tier0_blocks')} ` +
        `translate_ms=${sum('translate_ms').toFixed(1)} worker_ms=${sum('worker_ms').toFixed(1)} tier0_ms=${sum('tier0_ms').toFixed(1)} code_ms=${sum('code_ms').toFixed(1)} run_ms=${runMs.toFixed(1)}`
      : `dispatches=${sum('dispatches')} blocks_translated=${sum('blocks_translated')} tier0_blocks=${sum('tier0_blocks')} translate_ms=${sum('translate_ms').toFixed(1)} run_ms=${runMs.toFixed(1)} (no summary line)`,
  };
}

/** The first lines of a run's stderr, to quote in a problem. */
function firstLines(stderr, count = 3) {
  const lines = stderr.trim().split('\n').filter(Boolean);
  if (!lines.length) return '';
  return `, stderr: ${JSON.stringify(lines.slice(0, count).join('\n'))}${lines.length > count ? ` and ${lines.length - count} more lines` : ''}`;
}

/** The table's name of a workload: busybox's applets say so. */
const realLabel = (w) => (w.program === 'busybox' ? `busybox ${w.name}` : w.name);

/**
 * Runs one real program on one arch: one untimed run that fills the translation cache,
 * then rounds of (ours cold, ours warm, qemu); ratios are medians of the per-round ratios.
 * Every run's stdout and exit status must equal the first qemu run's (whose status must
 * be 0), or the row is marked wrong. Then one run of ours with -d stats, cold.
 */
function measureReal(env, arch, workload, runs) {
  const row = { arch, name: workload.name, label: realLabel(workload), cold: null, warm: null, qemu: null, coldQemu: null, warmQemu: null, rssMb: null, stats: null, ok: true, checked: false, missing: null, problems: [] };
  let prog = join(BENCH, 'bin', arch, workload.program);
  if (workload.program === 'busybox') {
    if (!env.busybox.path) return { ...row, missing: `no busybox (${env.busybox.error})` };
    prog = env.busybox.path;
  } else if (!existsSync(prog)) return { ...row, missing: `bench/bin/${arch}/${workload.program} is missing (bench/real/build.sh)` };

  const cacheDir = join(REAL_CACHE, `${arch}-${workload.name}`);
  const runEnv = { ...process.env, QEMU_USER_TS_CACHE_DIR: cacheDir, PROG: prog, DATA: REAL_DATA, WORK: REAL_WORK, REAL: join(BENCH, 'real'), STATS_DIR: REAL_STATS };
  const ours = { cold: runFunction([LAUNCHER, ...env.ourFlags, '-accel', 'tcg,cache=off']), warm: runFunction([LAUNCHER, ...env.ourFlags]) };
  const qemu = env.qemu[arch] ? runFunction([env.qemu[arch]]) : null;
  const cols = { cold: [], warm: [], qemu: [] };
  const warmup = runWorkload(workload, ours.warm, runEnv);
  let spent = 0;
  for (let i = 0; i < runs.max && spent < runs.budget; i++) {
    cols.cold.push(runWorkload(workload, ours.cold, runEnv));
    cols.warm.push(runWorkload(workload, ours.warm, runEnv));
    if (qemu) cols.qemu.push(runWorkload(workload, qemu, runEnv));
    const round = Object.entries(cols).filter(([, rs]) => rs.length).map(([c, rs]) => [c === 'qemu' ? 'qemu' : `ours ${c}`, rs[i].seconds]);
    spent += round.reduce((sum, [, t]) => sum + t, 0);
    process.stderr.write(`  ${arch} ${row.label} round ${i + 1}: ${round.map(([c, t]) => `${c} ${t.toFixed(3)} s`).join(', ')}\n`);
  }

  rmSync(REAL_STATS, { recursive: true, force: true });
  mkdirSync(REAL_STATS);
  const statsRun = runWorkload(workload, statsRunFunction(env.ourFlags), runEnv);
  const logs = readdirSync(REAL_STATS).map((f) => readFileSync(join(REAL_STATS, f), 'utf8'));
  row.stats = statsFigures(logs);

  // Every run against the reference: qemu's first, else our first warm run.
  const reference = cols.qemu[0] ?? cols.warm[0];
  row.checked = reference === cols.qemu[0];
  const describe = (run) => (run.signal ? `died of ${run.signal}` : `exit status ${run.status}`) + firstLines(run.stderr);
  const excerpt = (buf) => JSON.stringify(buf.toString('utf8').slice(0, 160));
  if (reference.signal || reference.status !== 0)
    row.problems.push(`${row.checked ? 'qemu' : 'ours'} run 1: ${describe(reference)}`);
  const check = (column, i, run) => {
    if (run === reference) return;
    if (run.status !== reference.status || run.signal !== reference.signal)
      row.problems.push(`${column} run ${i + 1}: ${describe(run)}; qemu: ${describe(reference)}`);
    else if (!run.stdout.equals(reference.stdout))
      row.problems.push(`${column} run ${i + 1} printed ${run.stdout.length} bytes ${excerpt(run.stdout)}..., expected ${reference.stdout.length} bytes ${excerpt(reference.stdout)}...`);
  };
  check('ours warm-up', 0, warmup);
  for (const [column, rs] of Object.entries(cols)) rs.forEach((run, i) => check(column === 'qemu' ? 'qemu' : `ours ${column}`, i, run));
  check('ours -d stats', 0, statsRun);
  row.ok = row.problems.length === 0;
  for (const p of row.problems) console.error(`\n*** ${arch} ${row.label}: WRONG RESULT, timing invalid: ${p}\n`);

  const secs = (rs) => (rs.length ? median(rs.map((r) => r.seconds)) : null);
  const pairedRatio = (ours) => (cols.qemu.length ? median(ours.map((r, i) => r.seconds / cols.qemu[i].seconds)) : null);
  const rss = [warmup, ...cols.cold, ...cols.warm].map((r) => r.rssMb).filter((x) => x !== null);
  return {
    ...row,
    cold: secs(cols.cold),
    warm: secs(cols.warm),
    qemu: secs(cols.qemu),
    coldQemu: pairedRatio(cols.cold),
    warmQemu: pairedRatio(cols.warm),
    rssMb: rss.length ? Math.max(...rss) : null,
    rounds: cols.cold.length,
  };
}

// --- the report ----------------------------------------------------------------------------

const fmt = {
  s: (x) => (x === null ? '' : x.toFixed(3)),
  ratio: (x) => (x === null ? '' : x.toFixed(2)),
  mb: (x) => (x === null ? 'n/a' : x.toFixed(1)),
  // -d stats figures: n/a where the emulator's log does not give them (yet).
  stat: (x, digits) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits)),
  share: (x) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(0)}%`),
};

/** The micro table as rows of cells: program, arch, ours, qemu, native, ratios, RSS, result. */
function microCells(rows, env) {
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
  return { cells: [header, ...body], isNumber: (c) => c >= 2 && c <= 7 };
}

/** The real table: program, arch, ours cold and warm, qemu, ratios, RSS, -d stats figures, result. */
function realCells(rows, env) {
  const header = ['program', 'arch', 'rounds', 'ours cold (s)', 'ours warm (s)', 'qemu (s)', 'cold/qemu', 'warm/qemu', 'peak RSS (MB)', 'dispatches per M insns', 'translation µs per block', 'tier-0 share', 'result'];
  const body = rows.map((r) =>
    r.missing
      ? [r.label, r.arch, '', '', '', '', '', '', '', '', '', '', `not run: ${r.missing}`]
      : [
          r.label,
          r.arch,
          String(r.rounds),
          fmt.s(r.cold),
          fmt.s(r.warm),
          env.qemu[r.arch] ? fmt.s(r.qemu) : 'absent',
          fmt.ratio(r.coldQemu),
          fmt.ratio(r.warmQemu),
          fmt.mb(r.rssMb),
          fmt.stat(r.stats?.dispatchesPerMInsns, 0),
          fmt.stat(r.stats?.usPerBlock, 1),
          fmt.share(r.stats?.tier0Share),
          !r.ok ? 'WRONG' : r.checked ? 'ok' : 'unchecked',
        ],
  );
  return { cells: [header, ...body], isNumber: (c) => c >= 2 && c <= 11 };
}

/** "1 program", "2 programs". */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function textTable({ cells, isNumber }) {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((cell, c) => (isNumber(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

function markdownTable({ cells, isNumber = () => false }) {
  const line = (row) => `| ${row.join(' | ')} |`;
  const rule = cells[0].map((_, c) => (isNumber(c) ? '---:' : '---'));
  return [line(cells[0]), line(rule), ...cells.slice(1).map(line)].join('\n');
}

/** Geometric mean of ours/qemu over the compute programs of one arch (startup has its own target). */
function archGeomean(rows, arch) {
  const ratios = rows.filter((r) => r.arch === arch && r.name !== 'startup' && r.oursQemu !== null);
  const wrong = ratios.filter((r) => !r.ok).map((r) => r.name);
  const valid = ratios.filter((r) => r.ok).map((r) => r.oursQemu);
  return { value: valid.length ? geomean(valid) : null, count: valid.length, wrong };
}

/**
 * The real group of one arch as its targets see it: the programs that take at least
 * TARGETS.realMinQemuSeconds under qemu, their cold and warm geomeans and worst cold ratio;
 * `complete` when every workload of the arch was run and checked.
 */
function realSummary(rows, arch) {
  const all = rows.filter((r) => r.arch === arch);
  const expected = REAL_WORKLOADS.filter((w) => w.arches.includes(arch)).length;
  const wrong = all.filter((r) => !r.missing && !r.ok).map((r) => r.label);
  const timed = all.filter((r) => !r.missing && r.ok && r.coldQemu !== null);
  const counted = timed.filter((r) => r.qemu >= TARGETS.realMinQemuSeconds);
  const short = timed.filter((r) => r.qemu < TARGETS.realMinQemuSeconds).map((r) => r.label);
  const worst = counted.reduce((a, r) => (a && a.coldQemu >= r.coldQemu ? a : r), null);
  return {
    cold: counted.length ? geomean(counted.map((r) => r.coldQemu)) : null,
    warm: counted.length ? geomean(counted.map((r) => r.warmQemu)) : null,
    worst,
    count: counted.length,
    short,
    wrong,
    timed: timed.length,
    complete: timed.length === expected,
    missing: all.filter((r) => r.missing).map((r) => r.label),
    expected,
  };
}

/** Each target per arch: { target, arch, measured, mark } with mark PASS, FAIL or "not measured". */
function evaluateTargets(microRows, realRows, env, opts) {
  const out = [];
  const find = (arch, name) => microRows.find((r) => r.arch === arch && r.name === name);
  const wrongMark = (r) => (r.ok ? null : { measured: 'wrong result', mark: 'FAIL' });
  const notRun = { measured: 'not run', mark: 'not measured' };
  for (const arch of opts.arches) {
    if (opts.programs.length) {
      const g = archGeomean(microRows, arch);
      out.push({
        target: `micro: geometric mean of ours/qemu <= ${TARGETS.geomean.toFixed(2)}`,
        arch,
        ...(g.wrong.length
          ? { measured: `wrong result in ${g.wrong.join(', ')}`, mark: 'FAIL' }
          : g.value === null
            ? { measured: env.qemu[arch] ? 'not run' : 'qemu absent', mark: 'not measured' }
            : g.count < COMPUTE.length
              ? { measured: `${g.value.toFixed(2)} over only ${g.count} of ${COMPUTE.length} programs`, mark: 'not measured' }
              : { measured: g.value.toFixed(2), mark: g.value <= TARGETS.geomean ? 'PASS' : 'FAIL' }),
      });
      const ratioTarget = (name, text, passes) => {
        const r = find(arch, name);
        out.push({
          target: text,
          arch,
          ...(!r || r.oursQemu === null
            ? { measured: r ? 'qemu absent' : 'not run', mark: 'not measured' }
            : wrongMark(r) ?? { measured: fmt.ratio(r.oursQemu), mark: passes(r.oursQemu) ? 'PASS' : 'FAIL' }),
        });
      };
      ratioTarget('nbody', 'micro: nbody faster than qemu (ours/qemu < 1)', (x) => x < TARGETS.nbodyRatio);
      ratioTarget('syscall', `micro: syscall ours/qemu <= ${TARGETS.syscallRatio}`, (x) => x <= TARGETS.syscallRatio);
      const startup = find(arch, 'startup');
      out.push({
        target: `start-up (static hello) <= node -e 0 + ${TARGETS.startupOverNodeMs} ms (medians)`,
        arch,
        ...(!startup
          ? notRun
          : wrongMark(startup) ?? {
              measured: `${(startup.ours * 1000).toFixed(0)} ms, node -e 0: ${(startup.nodeAlone * 1000).toFixed(0)} ms (without the translation cache: ${(startup.uncached * 1000).toFixed(0)} ms)`,
              mark: startup.ours * 1000 <= startup.nodeAlone * 1000 + TARGETS.startupOverNodeMs ? 'PASS' : 'FAIL',
            }),
      });
    }
    if (opts.workloads.some((w) => w.arches.includes(arch))) {
      const g = realSummary(realRows, arch);
      const scope = `(programs >= ${TARGETS.realMinQemuSeconds} s under qemu)`;
      const partial = [
        g.short.length ? `under ${TARGETS.realMinQemuSeconds} s, not counted: ${g.short.join(', ')}` : '',
        g.missing.length ? `not run: ${g.missing.join(', ')}` : '',
      ].filter(Boolean).join('; ');
      // A target is marked only when every workload of the arch ran and was checked.
      const over = `over ${plural(g.count, 'program')}${g.complete ? '' : `, only ${g.timed} of ${g.expected} run`}`;
      const realTarget = (text, value, limit, valueText) => {
        const measured = `${valueText}, ${over}${partial ? ` (${partial})` : ''}`;
        out.push({
          target: `real: ${text} ${scope}`,
          arch,
          ...(g.wrong.length
            ? { measured: `wrong result in ${g.wrong.join(', ')}`, mark: 'FAIL' }
            : value === null
              ? { measured: env.qemu[arch] ? partial || 'not run' : 'qemu absent', mark: 'not measured' }
              : { measured, mark: !g.complete ? 'not measured' : value <= limit ? 'PASS' : 'FAIL' }),
        });
      };
      realTarget(`geometric mean of cold/qemu <= ${TARGETS.realColdGeomean}`, g.cold, TARGETS.realColdGeomean, g.cold?.toFixed(2));
      realTarget(`geometric mean of warm/qemu <= ${TARGETS.realWarmGeomean}`, g.warm, TARGETS.realWarmGeomean, g.warm?.toFixed(2));
      realTarget(`no program's cold/qemu > ${TARGETS.realColdMax}`, g.worst?.coldQemu ?? null, TARGETS.realColdMax, g.worst && `max ${g.worst.coldQemu.toFixed(2)} (${g.worst.label})`);
    }
    const measured = [...microRows, ...realRows].filter((r) => r.arch === arch && r.rssMb !== null);
    const worst = measured.reduce((a, r) => (a && a.rssMb >= r.rssMb ? a : r), null);
    out.push({
      target: `peak RSS < ${TARGETS.rssMb} MB for every program`,
      arch,
      ...(!worst
        ? { measured: GNU_TIME ? 'not run' : 'no /usr/bin/time', mark: 'not measured' }
        : { measured: `max ${worst.rssMb.toFixed(1)} MB (${worst.label ?? worst.name})`, mark: worst.rssMb < TARGETS.rssMb ? 'PASS' : 'FAIL' }),
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
    ...(env.busybox ? [`busybox: ${env.busybox.version ? `${BUSYBOX_PACKAGE} ${env.busybox.version}` : `absent (${env.busybox.error})`}`] : []),
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

function writeReport(microRows, realRows, env, opts, targets, threadRows = [], procRows = []) {
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const geo = opts.arches.map((a) => {
    const g = archGeomean(microRows, a);
    return `- ${a}: ${g.value === null ? 'not measured' : g.value.toFixed(2)}${g.wrong.length ? ` (wrong results excluded: ${g.wrong.join(', ')})` : ''}`;
  });
  const realGeo = opts.arches.filter((a) => realRows.some((r) => r.arch === a)).map((a) => {
    const g = realSummary(realRows, a);
    return `- ${a}: ${g.cold === null ? 'not measured' : `cold ${g.cold.toFixed(2)}, warm ${g.warm.toFixed(2)} over ${plural(g.count, 'program')}`}${g.short.length ? ` (under ${TARGETS.realMinQemuSeconds} s under qemu, not counted: ${g.short.join(', ')})` : ''}${g.wrong.length ? ` (wrong results excluded: ${g.wrong.join(', ')})` : ''}`;
  });
  const problems = (rows) => rows.flatMap((r) => r.problems.map((p) => `- ${r.arch} ${r.label ?? r.name}: ${p}`));
  const realRunsText =
    opts.realRuns.budget === Infinity
      ? `${plural(opts.realRuns.max, 'round')} per real program`
      : `up to ${opts.realRuns.max} rounds per real program, fewer once its rounds have taken ${opts.realRuns.budget} s`;
  const runsLine =
    [opts.programs.length ? `${opts.runs} per micro program, ${Math.max(opts.runs, STARTUP_RUNS)} for startup` : '', opts.workloads.length ? realRunsText : '']
      .filter(Boolean)
      .join('; ');
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.mjs); do not edit by hand. It runs two groups of guest',
    'programs under qemu-user-ts and under Debian\'s `qemu-riscv64` / `qemu-aarch64`, and checks',
    'that every run printed the same result:',
    '',
    '- micro: bench/src/bench.c, one subcommand per benchmark (`startup` is the static hello of',
    '  bench/src/hello.c), also run as a native host build;',
    '- real: real programs over inputs the harness generates (bench/real/workloads.mjs, ~1 MB of',
    `  text from a seeded PRNG): Debian's \`${BUSYBOX_PACKAGE}\` (aarch64 only; fetched into bench/cache/)`,
    '  and lua 5.4, sqlite3 and bzip2 built statically from Debian\'s sources for both architectures',
    '  (bench/real/build.sh, bench/real/README.md).',
    '',
    '```sh',
    'npm run build && npm run bench              # both groups, both archs',
    'npm run bench -- --arch riscv64 --only nbody,fib --runs 5 --no-write',
    'npm run bench -- --group real --only lua,awk --real-runs 3 --no-write',
    '```',
    '',
    'Times are medians of wall time (whole process, start-up included); ours runs',
    '`bin/qemu-user-ts` as a program, as a shell does. Runs are paired',
    '(ours, qemu, native, then again), and each ratio is the median of the per-round ratios, so',
    'drift in the machine\'s speed cancels. Peak RSS is ours, from `/usr/bin/time -f %M` (for a',
    'real program, the largest of its emulator processes).',
    'The micro geometric mean is over the compute programs; start-up has its own target, and its rounds',
    'also time `node -e 0` (Node.js starting with nothing to do, without NODE_EXTRA_CA_CERTS as our',
    'launcher starts it), the floor under our start-up, and',
    'ours without the translation cache (`-accel tcg,cache=off`: every block translated, as in the',
    'first run of a program); the start-up column is with the cache, after one untimed run.',
    'Start-up is measured first, both archs back to back, then the compute programs, then the real ones.',
    '',
    'A real program is a few lines of /bin/sh (bench/real/workloads.mjs) in which every emulator',
    'process is a command of its own, so a pipeline runs one emulator per stage. Ours is timed',
    'cold (`-accel tcg,cache=off`: nothing translated before) and warm (with a translation cache',
    'of the harness\'s own for that program, after one untimed run that fills it), in rounds of',
    '(cold, warm, qemu); the `rounds` column says how many (see the Runs line).',
    'Its stdout and exit status must equal qemu\'s. The last three columns come from one more run',
    'of ours, cold, with `-d stats` (summed over its processes): dispatcher trips per million',
    'guest instructions, translation time per block (tier-0 blocks included) and the share of',
    'the run spent in tier 0; n/a where the emulator\'s log does not give them.',
    '',
    `Date: ${new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}  `,
    `Command: \`${command}\`  `,
    `Runs: ${runsLine}; backend: ${opts.backend ?? 'wasm (default)'}  `,
    `qemu-user-ts: ${describeSource()}`,
    '',
    '## Machine',
    '',
    ...describeMachine(env).map((l) => `- ${l}`),
    '',
    ...(opts.programs.length
      ? [
          '## Micro benchmarks',
          '',
          markdownTable(microCells(microRows, env)),
          '',
          'Geometric mean of ours/qemu:',
          '',
          ...geo,
          '',
          ...(microRows.some((r) => !r.ok) ? ['Wrong results (their timings do not count):', '', ...problems(microRows), ''] : []),
          ...(opts.stats ? ['### -d stats', '', ...microRows.map((r) => `- ${r.arch} ${r.name}: \`${r.stats}\``), ''] : []),
        ]
      : []),
    ...(opts.workloads.length
      ? [
          '## Real programs',
          '',
          markdownTable(realCells(realRows, env)),
          '',
          `Geometric means of ours/qemu (programs that take at least ${TARGETS.realMinQemuSeconds} s under qemu):`,
          '',
          ...realGeo,
          '',
          ...(realRows.some((r) => !r.missing && !r.ok) ? ['Wrong results (their timings do not count):', '', ...problems(realRows), ''] : []),
          'What each program runs:',
          '',
          ...opts.workloads.map((w) => `- ${realLabel(w)} (${w.arches.join(', ')}): ${w.what}`),
          '',
          '-d stats of each, summed over its processes:',
          '',
          ...realRows.filter((r) => !r.missing).map((r) => `- ${r.arch} ${r.label}: ${r.stats ? `${r.stats.processes} process${r.stats.processes > 1 ? 'es' : ''}, \`${r.stats.line}\`` : 'no stats lines'}`),
          '',
        ]
      : []),
    ...(threadRows.length
      ? [
          '## Threads',
          '',
          `bench/src/threads.c: \`threads work T\` splits one CPU-bound job (1,024 M rounds of integer hashing, nothing shared) over T threads; \`threads spawn ${THREAD_SPAWNS}\` creates and joins one thread ${THREAD_SPAWNS} times in turn. Scaling is the wall time on 2 threads over that on 1 (the machine has ${os.availableParallelism()} cores); create+join is (spawn time − hello time) / ${THREAD_SPAWNS}.`,
          '',
          markdownTable(threadCells(threadRows)),
          '',
        ]
      : []),
    ...(procRows.length
      ? [
          '## Processes',
          '',
          `bench/src/procs.c: \`procs forkexec ${PROC_ROUNDS}\` forks ${PROC_ROUNDS} times in turn; each child execs the program again, which exits at once, and the parent waits for it. fork+exec+wait is (that run's time − hello time) / ${PROC_ROUNDS}. \`procs spawn ${PROC_ROUNDS}\` does the same with posix_spawn (glibc's clone(CLONE_VM|CLONE_VFORK) and execve: make's and Go's way). The sh loop: Debian's arm64 busybox sh running busybox's \`true\` ${SHELL_LOOP} times by its path (a fork and a guest exec each). qemu's guest execve goes through the host's binfmt_misc: its figure needs qemu's entry registered (Debian's qemu-user-binfmt) and ours not.`,
          '',
          markdownTable(procCells(procRows)),
          '',
        ]
      : []),
    '## Targets',
    '',
    'From the project\'s performance issues:',
    '',
    markdownTable({ cells: [['target', 'arch', 'measured', 'mark'], ...targets.map((t) => [t.target, t.arch, t.measured, t.mark === 'PASS' || t.mark === 'FAIL' ? `**${t.mark}**` : t.mark])] }),
    '',
  ].join('\n');
  writeFileSync(OUTPUT, text);
  console.log(`\nwrote ${relative(process.cwd(), OUTPUT) || OUTPUT}`);
}

// --- the threads group ---------------------------------------------------------------------------

/**
 * One arch's thread figures, ours beside qemu, in paired rounds: `work 1`, `work 2`,
 * `spawn N` and the hello (start-up, subtracted from spawn). Scaling is median(work 2) /
 * median(work 1) of each emulator; each run's stdout must equal qemu's.
 */
function measureThreads(env, arch, runs) {
  const bin = join(BENCH, 'bin', arch, 'threads');
  const hello = join(BENCH, 'bin', arch, 'hello');
  const qemu = env.qemu[arch];
  if (!existsSync(bin)) return { arch, name: 'threads', missing: `bench/bin/${arch}/threads is missing: run \`make -C bench\``, ok: false };
  const cases = { work1: ['work', '1'], work2: ['work', '2'], spawn: ['spawn', String(THREAD_SPAWNS)] };
  const ours = (args, b = bin) => timedRun(LAUNCHER, [...env.ourFlags, b, ...args], OUR_ENV);
  const theirs = (args, b = bin) => (qemu ? timedRun(qemu, [b, ...args]) : null);
  const times = { ours: { work1: [], work2: [], spawn: [], hello: [] }, qemu: { work1: [], work2: [], spawn: [], hello: [] } };
  const problems = [];
  ours(cases.work1); // one untimed run: the translation cache of the main thread fills
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of [...Object.entries(cases), ['hello', []]]) {
      const b = name === 'hello' ? hello : bin;
      const o = ours(args, b);
      const q = theirs(args, b);
      if (o.status !== 0 || (q && o.stdout !== q.stdout)) problems.push(`ours ${name} run ${i + 1}: status ${o.status}, stdout ${JSON.stringify(o.stdout.slice(0, 80))}`);
      times.ours[name].push(o.seconds);
      if (q) times.qemu[name].push(q.seconds);
    }
  }
  const m = (xs) => (xs.length ? median(xs) : null);
  const row = (t) => {
    const work1 = m(t.work1);
    const work2 = m(t.work2);
    const spawn = m(t.spawn);
    const helloS = m(t.hello);
    return { work1, work2, scaling: work1 && work2 ? work2 / work1 : null, spawnMs: spawn !== null && helloS !== null ? ((spawn - helloS) / THREAD_SPAWNS) * 1000 : null };
  };
  for (const p of problems) console.error(`bench: threads ${arch}: ${p}`);
  return { arch, name: 'threads', ours: row(times.ours), qemu: qemu ? row(times.qemu) : null, ok: problems.length === 0, problems, runs };
}

function threadCells(rows) {
  const f = (x, d = 2) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
  return {
    isNumber: (c) => c > 0,
    cells: [
      ['arch', 'ours 1 thread (s)', 'ours 2 threads (s)', 'ours scaling 2/1', 'qemu 1 thread (s)', 'qemu 2 threads (s)', 'qemu scaling 2/1', 'ours create+join (ms)', 'qemu create+join (ms)'],
      ...rows.map((r) =>
        r.missing
          ? [r.arch, r.missing, '', '', '', '', '', '', '']
          : [r.arch, f(r.ours.work1), f(r.ours.work2), f(r.ours.scaling), f(r.qemu?.work1), f(r.qemu?.work2), f(r.qemu?.scaling), f(r.ours.spawnMs, 3), f(r.qemu?.spawnMs, 3)],
      ),
    ],
  };
}

/** Issue 14's target: the 2-thread run in at most 0.6 of the 1-thread one's wall time. */
function threadTargets(rows) {
  return rows
    .filter((r) => !r.missing)
    .map((r) => ({
      arch: r.arch,
      target: 'threads: 2 threads in ≤ 0.6× the wall time of 1',
      measured: r.ours.scaling === null ? 'n/a' : `${r.ours.scaling.toFixed(2)}× (qemu ${r.qemu?.scaling?.toFixed(2) ?? 'n/a'}×)`,
      mark: r.ours.scaling === null ? 'n/a' : r.ours.scaling <= 0.6 ? 'PASS' : 'FAIL',
    }));
}

// --- the processes group -------------------------------------------------------------------

/** Whether binfmt_misc entry `name` is registered and enabled. */
function binfmtEnabled(name) {
  try {
    return readFileSync(`/proc/sys/fs/binfmt_misc/${name}`, 'utf8').startsWith('enabled');
  } catch {
    return false;
  }
}

/** One arch's fork+exec+wait and posix_spawn+wait times, ours beside qemu's, in paired rounds with the hello subtracted. */
function measureProcesses(env, arch, runs) {
  const bin = join(BENCH, 'bin', arch, 'procs');
  const hello = join(BENCH, 'bin', arch, 'hello');
  if (!existsSync(bin)) return { arch, name: 'processes', missing: `bench/bin/${arch}/procs is missing: run \`make -C bench\``, ok: false };
  const qemu = env.qemu[arch];
  const qemuMissing = !qemu ? 'no qemu' : !binfmtEnabled(`qemu-${arch}`) ? `qemu-${arch} not registered with binfmt_misc`
    : binfmtEnabled(`qemu-user-ts-${arch}`) ? 'qemu-user-ts is registered with binfmt_misc: it would run qemu\'s children' : null;
  const args = ['forkexec', String(PROC_ROUNDS)];
  const spawnArgs = ['spawn', String(PROC_ROUNDS)];
  const times = { ours: { procs: [], spawn: [], hello: [] }, qemu: { procs: [], spawn: [], hello: [] } };
  const problems = [];
  const want = { procs: `${PROC_ROUNDS} fork+exec+wait\n`, spawn: `${PROC_ROUNDS} spawn+wait\n` };
  timedRun(LAUNCHER, [...env.ourFlags, bin, ...args], OUR_ENV); // untimed: the translation cache fills
  for (let i = 0; i < runs; i++) {
    for (const [name, b, a] of [['procs', bin, args], ['spawn', bin, spawnArgs], ['hello', hello, []]]) {
      const o = timedRun(LAUNCHER, [...env.ourFlags, b, ...a], OUR_ENV);
      if (o.status !== 0 || (want[name] && o.stdout !== want[name])) problems.push(`ours ${name} run ${i + 1}: status ${o.status}, ${JSON.stringify((o.stdout + o.stderr).slice(0, 120))}`);
      times.ours[name].push(o.seconds);
      if (qemuMissing) continue;
      const q = timedRun(qemu, [b, ...a]);
      if (q.status !== 0) problems.push(`qemu ${name} run ${i + 1}: status ${q.status}`);
      times.qemu[name].push(q.seconds);
    }
  }
  const perOp = (t, name = 'procs') => (t[name].length ? ((median(t[name]) - median(t.hello)) / PROC_ROUNDS) * 1000 : null);
  // busybox sh running SHELL_LOOP external commands (busybox's own `true`, by path: a guest exec each)
  const loop = { ours: [], qemu: [] };
  const bb = arch === 'aarch64' && env.busybox && !env.busybox.error ? env.busybox.path : null;
  if (bb) {
    const script = `i=0; while [ $i -lt ${SHELL_LOOP} ]; do ${bb} true; i=$((i+1)); done; echo $i`;
    for (let i = 0; i < runs; i++) {
      const o = timedRun(LAUNCHER, [...env.ourFlags, bb, 'sh', '-c', script], OUR_ENV);
      if (o.status !== 0 || o.stdout !== `${SHELL_LOOP}\n`) problems.push(`ours shell loop run ${i + 1}: status ${o.status}, ${JSON.stringify((o.stdout + o.stderr).slice(0, 120))}`);
      loop.ours.push(o.seconds);
      if (qemuMissing) continue;
      const q = timedRun(qemu, [bb, 'sh', '-c', script]);
      if (q.status !== 0) problems.push(`qemu shell loop run ${i + 1}: status ${q.status}`);
      loop.qemu.push(q.seconds);
    }
  }
  for (const p of problems) console.error(`bench: processes ${arch}: ${p}`);
  return {
    arch, name: 'processes', oursMs: perOp(times.ours), qemuMs: qemuMissing ? null : perOp(times.qemu), qemuMissing,
    spawnOursMs: perOp(times.ours, 'spawn'), spawnQemuMs: qemuMissing ? null : perOp(times.qemu, 'spawn'),
    loopOurs: loop.ours.length ? median(loop.ours) : null, loopQemu: loop.qemu.length ? median(loop.qemu) : null,
    ok: problems.length === 0, problems, runs,
  };
}

function procCells(rows) {
  const f = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(1));
  return {
    isNumber: (c) => c > 0 && c < 9,
    cells: [
      ['arch', 'ours fork+exec+wait (ms)', 'qemu fork+exec+wait (ms)', 'ours/qemu', 'ours posix_spawn+wait (ms)', 'qemu posix_spawn+wait (ms)', 'ours/qemu',
        `ours sh loop of ${SHELL_LOOP} (s)`, `qemu sh loop of ${SHELL_LOOP} (s)`, 'qemu not measured because'],
      ...rows.map((r) => (r.missing ? [r.arch, r.missing, '', '', '', '', '', '', '', ''] : [
        r.arch, f(r.oursMs), f(r.qemuMs), r.qemuMs ? (r.oursMs / r.qemuMs).toFixed(2) : 'n/a',
        f(r.spawnOursMs), f(r.spawnQemuMs), r.spawnQemuMs ? (r.spawnOursMs / r.spawnQemuMs).toFixed(2) : 'n/a',
        r.loopOurs === null ? 'n/a' : r.loopOurs.toFixed(2), r.loopQemu === null ? 'n/a' : r.loopQemu.toFixed(2), r.qemuMissing ?? '',
      ])),
    ],
  };
}

/** Issue 15's target: fork+exec+wait in at most 3x qemu's. */
function procTargets(rows) {
  return rows
    .filter((r) => !r.missing)
    .map((r) => ({
      arch: r.arch,
      target: 'processes: fork+exec+wait ≤ 3× qemu\'s',
      measured: `${r.oursMs.toFixed(1)} ms (qemu ${r.qemuMs === null ? `n/a: ${r.qemuMissing}` : `${r.qemuMs.toFixed(1)} ms`})`,
      mark: r.qemuMs === null ? 'n/a' : r.oursMs <= 3 * r.qemuMs ? 'PASS' : 'FAIL',
    }));
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
  if (opts.programs.length)
    for (const arch of opts.arches)
      for (const b of ['bench', 'hello'])
        if (!existsSync(join(BENCH, 'bin', arch, b))) usage(`bench/bin/${arch}/${b} is missing: run \`make -C bench\``);
  if (!opts.programs.length && !opts.workloads.length && !opts.threads && !opts.processes) usage('nothing to run: --group, --only and --arch select no program');

  const qemuVersion = Object.fromEntries(ARCHES.map((a) => [a, versionOf(`qemu-${a}`)]));
  const needsBusybox = (opts.processes && opts.arches.includes('aarch64')) || opts.workloads.some((w) => w.program === 'busybox' && w.arches.some((a) => opts.arches.includes(a)));
  const env = {
    ourFlags: opts.backend ? ['-accel', `tcg,backend=${opts.backend}`] : [],
    qemu: Object.fromEntries(ARCHES.map((a) => [a, qemuVersion[a] ? `qemu-${a}` : null])),
    qemuVersion,
    nativeDir: opts.programs.length ? buildNative() : null,
    busybox: needsBusybox ? fetchBusybox(CACHE_DIR) : null,
    stats: opts.stats,
    loadAtStart,
  };
  if (opts.programs.length && !env.nativeDir) console.error('bench: no host gcc: the native column is absent');
  if (env.busybox?.error) console.error(`bench: *** busybox is absent, its rows are not run: ${env.busybox.error}`);
  if (!GNU_TIME) console.error('bench: no /usr/bin/time: peak RSS is not measured');
  if (opts.workloads.length) {
    mkdirSync(REAL_DATA);
    writeInputs(REAL_DATA);
  }

  if (opts.programs.length)
    console.error(`bench: micro: ${opts.programs.map((p) => p.name).join(', ')} on ${opts.arches.join(', ')}; ${opts.runs} run(s) each, ${Math.max(opts.runs, STARTUP_RUNS)} for startup`);
  if (opts.workloads.length)
    console.error(
      `bench: real: ${opts.workloads.map((w) => w.name).join(', ')} on ${opts.arches.join(', ')} (where each runs); ` +
        (opts.realRuns.budget === Infinity ? `${plural(opts.realRuns.max, 'round')} each` : `up to ${opts.realRuns.max} rounds each, within ${opts.realRuns.budget} s`),
    );
  // Start-up first, every arch's back to back, then the compute programs: a start-up time is
  // absolute (its target is against node -e 0, not a ratio to qemu), and in runs of the whole
  // suite the machine was often slower after a quarter of an hour of load (node -e 0 too, by
  // up to 30%), so rows measured at the end were not comparable with rows measured at the start.
  const order = [...opts.programs.filter((p) => p.name === 'startup'), ...opts.programs.filter((p) => p.name !== 'startup')];
  const measured = [];
  for (const prog of order)
    for (const arch of opts.arches)
      measured.push(measure(env, arch, prog, prog.name === 'startup' ? Math.max(opts.runs, STARTUP_RUNS) : opts.runs));
  // The tables keep their order: by arch, then program.
  const microRows = opts.arches.flatMap((arch) => opts.programs.map((p) => measured.find((r) => r.arch === arch && r.name === p.name)));
  const realMeasured = [];
  for (const w of opts.workloads)
    for (const arch of opts.arches.filter((a) => w.arches.includes(a))) realMeasured.push(measureReal(env, arch, w, opts.realRuns));
  const realRows = opts.arches.flatMap((arch) => opts.workloads.map((w) => realMeasured.find((r) => r.arch === arch && r.name === w.name)).filter(Boolean));

  if (microRows.length) {
    console.log(`\n${textTable(microCells(microRows, env))}\n`);
    for (const arch of opts.arches) {
      const g = archGeomean(microRows, arch);
      console.log(`geometric mean of ours/qemu, ${arch}: ${g.value === null ? 'not measured' : `${g.value.toFixed(2)} over ${g.count} of ${COMPUTE.length} programs`}${g.wrong.length ? ` (WRONG results excluded: ${g.wrong.join(', ')})` : ''}`);
    }
    if (opts.stats) {
      console.log('');
      for (const r of microRows) console.log(`${r.arch} ${r.name}: ${r.stats}`);
    }
  }
  if (realRows.length) {
    console.log(`\n${textTable(realCells(realRows, env))}\n`);
    for (const arch of opts.arches.filter((a) => realRows.some((r) => r.arch === a))) {
      const g = realSummary(realRows, arch);
      console.log(`real programs, ${arch}: ${g.cold === null ? 'not measured' : `geometric mean cold/qemu ${g.cold.toFixed(2)}, warm/qemu ${g.warm.toFixed(2)} over ${plural(g.count, 'program')}`}${g.short.length ? ` (under ${TARGETS.realMinQemuSeconds} s under qemu, not counted: ${g.short.join(', ')})` : ''}`);
    }
    console.log('');
    for (const r of realRows.filter((r) => !r.missing)) console.log(`${r.arch} ${r.label} -d stats: ${r.stats ? r.stats.line : 'no stats lines'}`);
  }
  const threadRows = opts.threads ? opts.arches.map((arch) => measureThreads(env, arch, opts.runs)) : [];
  if (threadRows.length) console.log(`\n${textTable(threadCells(threadRows))}\n`);
  const procRows = opts.processes ? opts.arches.map((arch) => measureProcesses(env, arch, opts.runs)) : [];
  if (procRows.length) console.log(`\n${textTable(procCells(procRows))}\n`);
  const targets = [...evaluateTargets(microRows, realRows, env, opts), ...threadTargets(threadRows), ...procTargets(procRows)];
  console.log('');
  for (const t of targets) console.log(`${t.mark.padEnd(12)} ${t.arch.padEnd(8)} ${t.target}: ${t.measured}`);
  const wrong = [...microRows, ...realRows, ...threadRows, ...procRows].filter((r) => !r.missing && !r.ok);
  if (wrong.length) console.log(`\n*** WRONG RESULTS in ${wrong.map((r) => `${r.arch} ${r.label ?? r.name}`).join(', ')}: those timings are invalid`);
  if (opts.write) writeReport(microRows, realRows, env, opts, targets, threadRows, procRows);
  process.exitCode = wrong.length ? 1 : 0;
}

main();
