// The command line, QEMU style: `qemu-user-ts [options] program [args...]`. Options are
// spelled with one dash (-cpu, -strace; --cpu works too), each has a QEMU_* environment
// variable that is read first and overridden by the command line, and option parsing
// stops at the program name: everything after it belongs to the guest, even `-h`.
//
// How: OPTIONS is the one table (flag, argument, environment variable, help text,
// handler). splitArgs walks argv with it to find where the program name starts, which
// commander cannot know for single-dash long options; commander then parses just the
// option part (normalised to its -X / --long spelling) and calls each option's handler
// in command-line order, so -E and -U interleave as typed. parseCommandLine is pure:
// environment, RLIMIT_STACK and version come in through ParseContext.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LOG_ITEMS, type LogItem, type RunOptions } from '../linux-user/options.js';
import { CPU_MODELS } from '../loader/elf.js';
import { UserError } from '../user-error.js';

export const PROGRAM_NAME = 'qemu-user-ts';

/** QEMU's TARGET_DEFAULT_STACK_SIZE; RLIMIT_STACK raises it when larger. */
export const DEFAULT_STACK_SIZE = 8 * 1024 * 1024;

/** -s suffixes (QEMU takes k/K and M; G too, in bytes). */
const SIZE_SUFFIXES: Readonly<Record<string, number>> = { '': 1, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, g: 1024 ** 3, G: 1024 ** 3 };

/** -d items and what they log (`-d help`). */
export const LOG_ITEM_HELP = {
  in_asm: 'show target assembly code for each compiled TB',
  op: 'show micro ops for each compiled TB',
  op_opt: 'show micro ops after optimization',
  out_asm: 'show generated host code for each compiled TB',
  exec: 'show trace before each executed TB (lots of logs)',
  unimp: 'log unimplemented functionality',
  strace: 'log every user-mode syscall, its input, and its result',
  stats: 'print translation and execution statistics at exit',
} as const satisfies Record<LogItem, string>;

export const BACKENDS = ['wasm', 'interp'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Mutable state the option handlers fill in. */
interface ParseState {
  ldPrefix?: string;
  /** -prefix-only: absolute guest paths only under the -L prefix. */
  prefixOnly: boolean;
  /** -E / -U operations in the order given. */
  envOps: Array<{ name: string; value?: string }>;
  argv0?: string;
  stackSize?: number;
  cpu?: string;
  strace: boolean;
  log: Set<LogItem>;
  logFile?: string;
  oneInsnPerTb: boolean;
  backend: Backend;
  tier0: boolean;
  compileThread: boolean;
  /** -accel tcg,cache=on|off */
  cache: boolean;
  /** -unique-pids: no host process of a reaped child serves a later child. */
  uniquePids: boolean;
  unameRelease?: string;
  version: string;
}

/** Thrown by -h, -version, `-d help`, `-cpu help`: stop parsing, print, exit. */
class EarlyExit {
  constructor(readonly stdout: string) {}
}

interface OptionSpec {
  /** The QEMU spelling without its dash. */
  flag: string;
  aliases?: readonly string[];
  /** Placeholder for the argument; absent for a flag without one. */
  arg?: string;
  env?: string;
  help: string;
  /** Handles one occurrence (value is '' for flags without argument). */
  apply: (st: ParseState, value: string) => void;
  /** Handles the environment variable when it reads differently from the option. */
  applyEnv?: (st: ParseState, value: string) => void;
}

// --- value parsers ----------------------------------------------------------------

/** Parses a -s size: decimal or 0x hex, optional k/M/G suffix. */
export function parseSize(text: string): number {
  const m = /^(0x[0-9a-f]+|\d+)([kKmMgG]?)$/.exec(text.trim());
  const n = m ? Number(m[1]) * SIZE_SUFFIXES[m[2]] : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError(`invalid stack size '${text}' (a byte count, optionally with a k, M or G suffix)`);
  return n;
}

/** Parses -d items; `help` lists them. */
function parseLogItems(st: ParseState, text: string): void {
  for (const item of text.split(',')) {
    if (item === '') continue;
    if (item === 'help') throw new EarlyExit(logHelp());
    if (!(LOG_ITEMS as readonly string[]).includes(item)) throw new UserError(`unknown -d item '${item}' (-d help lists them)`);
    st.log.add(item as LogItem);
  }
}

function parseBackend(text: string): Backend {
  if (!(BACKENDS as readonly string[]).includes(text)) throw new UserError(`unknown TCG backend '${text}' (choose ${BACKENDS.join(' or ')})`);
  return text as Backend;
}

const ON_OFF: Readonly<Record<string, boolean>> = { on: true, off: false, yes: true, no: false, true: true, false: false };

/** -accel tcg[,backend=wasm|interp][,tier0=on|off][,compile-thread=on|off][,cache=on|off][,one-insn-per-tb=on|off] */
function parseAccel(st: ParseState, text: string): void {
  const [accel, ...props] = text.split(',');
  if (accel === 'help') throw new EarlyExit('Accelerators supported in QEMU binary:\ntcg\n');
  if (accel !== 'tcg') throw new UserError(`invalid accelerator '${accel}' (only tcg is available)`);
  for (const prop of props) {
    const eq = prop.indexOf('=');
    const key = eq < 0 ? prop : prop.slice(0, eq);
    const value = eq < 0 ? 'on' : prop.slice(eq + 1);
    if (key === 'backend') st.backend = parseBackend(value);
    else if (key === 'one-insn-per-tb' && value in ON_OFF) st.oneInsnPerTb = ON_OFF[value];
    else if (key === 'tier0' && value in ON_OFF) st.tier0 = ON_OFF[value];
    else if (key === 'compile-thread' && value in ON_OFF) st.compileThread = ON_OFF[value];
    else if (key === 'cache' && value in ON_OFF) st.cache = ON_OFF[value];
    else throw new UserError(`invalid -accel property '${prop}' (tcg takes backend=${BACKENDS.join('|')}, tier0=on|off, compile-thread=on|off, cache=on|off and one-insn-per-tb=on|off)`);
  }
}

function parseSetEnv(st: ParseState, text: string): void {
  for (const item of text.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UserError(`-E expects VAR=VALUE[,VAR=VALUE...], not '${item}'`);
    st.envOps.push({ name: item.slice(0, eq), value: item.slice(eq + 1) });
  }
}

function parseUnsetEnv(st: ParseState, text: string): void {
  for (const name of text.split(',')) {
    if (name === '' || name.includes('=')) throw new UserError(`-U expects VAR[,VAR...], not '${name}'`);
    st.envOps.push({ name });
  }
}

function parseCpu(st: ParseState, text: string): void {
  if (text === 'help' || text === '?') throw new EarlyExit(cpuHelp());
  st.cpu = text;
}

// --- the option table -------------------------------------------------------------

export const OPTIONS: readonly OptionSpec[] = [
  { flag: 'h', aliases: ['help'], help: 'print this help', apply: () => { throw new EarlyExit(usage()); } },
  { flag: 'L', arg: 'path', env: 'QEMU_LD_PREFIX', help: "set the elf interpreter prefix to 'path'", apply: (st, v) => { st.ldPrefix = v; } },
  {
    flag: 'prefix-only',
    env: 'QEMU_USER_TS_PREFIX_ONLY',
    help: "with -L: look absolute paths the guest opens up under the prefix only, never on the host (except /proc, /dev and /sys)",
    apply: (st) => { st.prefixOnly = true; },
  },
  { flag: 's', arg: 'size', env: 'QEMU_STACK_SIZE', help: "set the stack size to 'size' bytes (k, M, G suffixes)", apply: (st, v) => { st.stackSize = parseSize(v); } },
  { flag: 'cpu', arg: 'model', env: 'QEMU_CPU', help: 'select CPU (-cpu help for list)', apply: parseCpu },
  { flag: 'E', arg: 'var=value', env: 'QEMU_SET_ENV', help: "sets target's environment variable (see below)", apply: parseSetEnv },
  { flag: 'U', arg: 'var', env: 'QEMU_UNSET_ENV', help: "unsets target's environment variable (see below)", apply: parseUnsetEnv },
  { flag: '0', arg: 'argv0', env: 'QEMU_ARGV0', help: "forces target process argv[0] to be 'argv0'", apply: (st, v) => { st.argv0 = v; } },
  { flag: 'r', arg: 'uname', env: 'QEMU_UNAME', help: "set qemu uname release string to 'uname'", apply: (st, v) => { st.unameRelease = v; } },
  { flag: 'd', arg: 'item[,...]', env: 'QEMU_LOG', help: "enable logging of specified items (use '-d help' for a list of items)", apply: parseLogItems },
  { flag: 'D', arg: 'logfile', env: 'QEMU_LOG_FILENAME', help: "write logs to 'logfile' (default stderr)", apply: (st, v) => { st.logFile = v; } },
  { flag: 'one-insn-per-tb', env: 'QEMU_ONE_INSN_PER_TB', help: 'run with one guest instruction per translation block', apply: (st) => { st.oneInsnPerTb = true; } },
  { flag: 'singlestep', env: 'QEMU_SINGLESTEP', help: 'deprecated synonym for -one-insn-per-tb', apply: (st) => { st.oneInsnPerTb = true; } },
  { flag: 'strace', env: 'QEMU_STRACE', help: 'log system calls', apply: (st) => { st.strace = true; } },
  {
    flag: 'unique-pids',
    env: 'QEMU_USER_TS_UNIQUE_PIDS',
    help: "never run a guest's child in the emulator process of a child it has reaped, whose pid the new child then has: each child a new pid, as on Linux (a fork, exec and wait then costs a Node start-up)",
    apply: (st) => { st.uniquePids = true; },
  },
  {
    flag: 'accel',
    arg: 'tcg[,backend=B][,tier0=on|off][,compile-thread=on|off][,cache=on|off]',
    env: 'QEMU_ACCEL_BACKEND',
    help: `select the code generator: backend=${BACKENDS.join('|')} (default wasm); tier0=off compiles every block instead of interpreting cold code first; compile-thread=off compiles hot code on the CPU's thread instead of a worker thread; cache=off neither reads nor writes the translation cache (see QEMU_USER_TS_CACHE_DIR below); the variable takes just the backend name`,
    apply: parseAccel,
    applyEnv: (st, v) => { st.backend = parseBackend(v); },
  },
  { flag: 'version', env: 'QEMU_VERSION', help: 'display version information and exit', apply: (st) => { throw new EarlyExit(versionText(st.version)); } },
];

const SPEC_BY_NAME: ReadonlyMap<string, OptionSpec> = new Map(OPTIONS.flatMap((o) => [o.flag, ...(o.aliases ?? [])].map((n) => [n, o] as const)));

/** The commander spelling of an option: -X for one character, --name otherwise. */
const commanderFlag = (flag: string): string => (flag.length === 1 ? `-${flag}` : `--${flag}`);

// --- texts --------------------------------------------------------------------------

export function versionText(version: string): string {
  return `${PROGRAM_NAME} version ${version} (QEMU-compatible user mode emulator)\n`;
}

function logHelp(): string {
  const lines = LOG_ITEMS.map((item) => `${item.padEnd(15)} ${LOG_ITEM_HELP[item]}`);
  return `Log items (comma separated):\n${lines.join('\n')}\n`;
}

function cpuHelp(): string {
  const lines = Object.entries(CPU_MODELS).map(([arch, models]) => `  ${arch}: ${models.join(' ')}`);
  return `Available CPU models (the model must match the program's architecture):\n${lines.join('\n')}\n`;
}

/** The -h text: QEMU's layout (option, environment variable, description). */
export function usage(): string {
  const rows = OPTIONS.map((o) => [[o.flag, ...(o.aliases ?? [])].map((f) => `-${f}`).join(', ') + (o.arg ? ` ${o.arg}` : ''), o.env ?? '', o.help]);
  const w0 = Math.max(...rows.map((r) => r[0].length)) + 2;
  const w1 = Math.max(...rows.map((r) => r[1].length)) + 2;
  const table = [['Argument', 'Env-variable', 'Description'], ...rows].map((r) => `${r[0].padEnd(w0)}${r[1].padEnd(w1)}${r[2]}`.trimEnd());
  return [
    `usage: ${PROGRAM_NAME} [options] program [arguments...]`,
    'Linux user-mode emulator in the manner of qemu-user (runs riscv64 and aarch64 Linux programs)',
    '',
    'Options and associated environment variables:',
    '',
    ...table,
    '',
    'Defaults:',
    `QEMU_STACK_SIZE = ${DEFAULT_STACK_SIZE} byte (or RLIMIT_STACK when larger)`,
    'QEMU_ACCEL_BACKEND = wasm',
    '',
    'Option parsing stops at the program name: what follows goes to the program.',
    'The environment variables are read first; the command line overrides them.',
    '',
    `${PROGRAM_NAME} -binfmt register|unregister|status [--arch ARCH] [--flags F,P,C,O] [--print]`,
    '  registers qemu-user-ts with binfmt_misc for riscv64 and aarch64 programs (or ARCH),',
    '  with flag P by default; status exits 0 when registered; --print writes binfmt.d lines.',
    '',
    'You can use -E and -U options or the QEMU_SET_ENV and',
    'QEMU_UNSET_ENV environment variables to set and unset',
    'environment variables for the target process.',
    'It is possible to provide several variables by separating them',
    'by commas in getsubopt(3) style. Additionally it is possible to',
    'provide the -E and -U options multiple times.',
    'The following lines are equivalent:',
    '    -E var1=val2 -E var2=val2 -U LD_PRELOAD -U LD_DEBUG',
    '    -E var1=val2,var2=val2 -U LD_PRELOAD,LD_DEBUG',
    '    QEMU_SET_ENV=var1=val2,var2=val2 QEMU_UNSET_ENV=LD_PRELOAD,LD_DEBUG',
    'Note that if you provide several changes to a single variable',
    'the last change will stay in effect.',
    '',
    'Translations of a program\'s code are kept for its next run in',
    'QEMU_USER_TS_CACHE_DIR (default $XDG_CACHE_HOME/qemu-user-ts or',
    '~/.cache/qemu-user-ts; "off" or -accel tcg,cache=off keeps none).',
    '',
  ].join('\n');
}

// --- parsing ----------------------------------------------------------------------

/**
 * Set by bin/qemu-user-ts's shell lines: the SigIgn mask of /proc/self/status (hex), the
 * signals the parent left ignored, read before Node resets them. Not the guest's: it is
 * left out of its environment.
 */
export const INHERITED_IGNORED_VAR = 'QEMU_USER_TS_SIGIGN';

/** INHERITED_IGNORED_VAR's signal set (bit sig-1): none when unset or malformed. */
function inheritedIgnored(value: string | undefined): bigint {
  return value !== undefined && /^[0-9a-f]{1,16}$/i.test(value) ? BigInt(`0x${value}`) : 0n;
}

export interface ParseContext {
  /** The host environment: QEMU_* variables are read from it and it is the guest's base environment. */
  env: Readonly<Record<string, string | undefined>>;
  /** RLIMIT_STACK soft limit in bytes; null when unlimited or unknown. Read from the host when omitted. */
  rlimitStack?: number | null;
  /** The package version for -version. */
  version?: string;
}

export type CommandLine =
  | { kind: 'run'; options: RunOptions }
  /** -h, -version, -d help, -cpu help: print `stdout` and exit with status 0. */
  | { kind: 'exit'; status: number; stdout: string };

interface SplitArgs {
  /** Option tokens in commander's spelling, values included. */
  tokens: string[];
  program?: string;
  guestArgs: string[];
}

/** Finds the program name: QEMU's rules (options start with - or --, `--` ends them, the first other word is the program). */
function splitArgs(args: readonly string[]): SplitArgs {
  const tokens: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i];
    if (!a.startsWith('-')) break;
    i++;
    if (a === '--') break;
    const name = a.startsWith('--') ? a.slice(2) : a.slice(1);
    const spec = SPEC_BY_NAME.get(name);
    if (!spec) throw new UserError(`unknown option '${a}' (-h for help)`);
    tokens.push(commanderFlag(spec.flag));
    if (spec.arg !== undefined) {
      if (i >= args.length) throw new UserError(`missing argument for option '${a}'`);
      tokens.push(args[i++]);
    }
    // Help and version end parsing as soon as they are seen, as in QEMU.
    if (spec.flag === 'h' || spec.flag === 'version') return { tokens, guestArgs: [] };
  }
  return { tokens, program: args[i], guestArgs: args.slice(i + 1) };
}

/** The host's RLIMIT_STACK soft limit (from /proc/self/limits), or null if unlimited or unknown. */
export function hostStackLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max stack size'));
    const soft = line?.slice('Max stack size'.length).trim().split(/\s+/)[0];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** Applies -E / -U operations to the host environment (less the launcher's INHERITED_IGNORED_VAR), in order. */
function guestEnvironment(env: ParseContext['env'], ops: ParseState['envOps']): string[] {
  const vars = new Map<string, string>();
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== INHERITED_IGNORED_VAR) vars.set(k, v);
  for (const op of ops) {
    if (op.value === undefined) vars.delete(op.name);
    else vars.set(op.name, op.value);
  }
  return [...vars].map(([k, v]) => `${k}=${v}`);
}

/**
 * Where the persistent translation cache lives: $QEMU_USER_TS_CACHE_DIR (empty or "off":
 * nowhere), else $XDG_CACHE_HOME/qemu-user-ts, else ~/.cache/qemu-user-ts.
 */
function translationCacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const own = env.QEMU_USER_TS_CACHE_DIR;
  if (own !== undefined) return own === '' || own === 'off' ? undefined : own;
  if (env.XDG_CACHE_HOME) return `${env.XDG_CACHE_HOME}/qemu-user-ts`;
  if (env.HOME) return `${env.HOME}/.cache/qemu-user-ts`;
  return undefined;
}

/** Applies option tokens (commander's spelling, from splitArgs) to `st`. */
function parseOptionTokens(tokens: string[], st: ParseState): void {
  const cmd = new Command(PROGRAM_NAME)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .helpOption(false)
    .allowUnknownOption(false)
    .allowExcessArguments(false);
  for (const spec of OPTIONS) {
    const opt = new Option(commanderFlag(spec.flag) + (spec.arg !== undefined ? ' <value>' : ''), spec.help);
    cmd.addOption(opt);
    cmd.on(`option:${opt.name()}`, (value?: string) => spec.apply(st, value ?? ''));
  }
  cmd.parse(tokens, { from: 'user' });
}

/**
 * Parses the arguments after the executable's own name (process.argv.slice(2)).
 * Throws UserError for bad options; returns what to run, or what to print.
 */
export function parseCommandLine(args: readonly string[], ctx: ParseContext): CommandLine {
  const st: ParseState = {
    envOps: [],
    prefixOnly: false,
    strace: false,
    log: new Set(),
    oneInsnPerTb: false,
    backend: 'wasm',
    tier0: true,
    compileThread: true,
    cache: true,
    uniquePids: false,
    version: ctx.version ?? '0.0.0',
  };
  let split: SplitArgs;
  try {
    // The environment first, in table order.
    for (const spec of OPTIONS) {
      const value = spec.env ? ctx.env[spec.env] : undefined;
      if (value !== undefined) (spec.applyEnv ?? spec.apply)(st, value);
    }
    split = splitArgs(args);
    // Nothing to parse (the program comes first, as in most runs): no parser to build.
    if (split.tokens.length > 0) parseOptionTokens(split.tokens, st);
  } catch (e) {
    if (e instanceof EarlyExit) return { kind: 'exit', status: 0, stdout: e.stdout };
    if (e instanceof CommanderError) throw new UserError(e.message.replace(/^error: /, '').split('\n')[0]);
    throw e;
  }

  if (split.program === undefined) throw new UserError('no user program specified (-h for help)');
  const rlimit = ctx.rlimitStack === undefined ? hostStackLimit() : ctx.rlimitStack;
  const stackSize = st.stackSize ?? Math.max(DEFAULT_STACK_SIZE, rlimit ?? 0);

  const options: RunOptions = {
    program: split.program,
    argv: [st.argv0 ?? split.program, ...split.guestArgs],
    envp: guestEnvironment(ctx.env, st.envOps),
    stackSize,
    strace: st.strace,
    log: st.log,
    oneInsnPerTb: st.oneInsnPerTb,
    backend: st.backend,
    tier0: st.tier0,
    compileThread: st.compileThread,
  };
  if (st.ldPrefix !== undefined) options.ldPrefix = st.ldPrefix;
  if (st.prefixOnly) {
    if (st.ldPrefix === undefined) throw new UserError('-prefix-only needs a prefix (-L path or QEMU_LD_PREFIX)');
    options.prefixOnly = true;
  }
  if (st.uniquePids) options.uniquePids = true;
  if (st.logFile !== undefined) options.logFile = resolve(st.logFile); // the same file for the processes a guest starts in other cwds
  if (st.cpu !== undefined) options.cpu = st.cpu;
  if (st.unameRelease !== undefined) options.unameRelease = st.unameRelease;
  const ignored = inheritedIgnored(ctx.env[INHERITED_IGNORED_VAR]);
  if (ignored) options.ignoredSignals = ignored;
  const cacheDir = st.cache ? translationCacheDir(ctx.env) : undefined;
  if (cacheDir !== undefined) options.translationCacheDir = cacheDir;
  return { kind: 'run', options };
}
