// CLI option parsing as a pure function: QEMU's single-dash options, the QEMU_* variables
// and their precedence, -E/-U lists, guest arguments after the program (even -h), -s
// suffixes, -d validation, -accel backends, and the help/version exits.

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CommandLine, DEFAULT_STACK_SIZE, OPTIONS, parseCommandLine, parseSize, usage } from '../../src/cli/options.js';
import type { RunOptions } from '../../src/linux-user/options.js';
import { LOG_ITEMS } from '../../src/linux-user/options.js';
import { UserError } from '../../src/user-error.js';

type Env = Record<string, string | undefined>;

function parse(args: string[], env: Env = {}, rlimitStack: number | null = null): CommandLine {
  return parseCommandLine(args, { env, rlimitStack, version: '9.8.7' });
}

function run(args: string[], env: Env = {}, rlimitStack: number | null = null): RunOptions {
  const r = parse(args, env, rlimitStack);
  if (r.kind !== 'run') throw new Error(`expected a run, got an exit: ${r.stdout}`);
  return r.options;
}

function exitText(args: string[], env: Env = {}): string {
  const r = parse(args, env);
  if (r.kind !== 'exit') throw new Error('expected an exit');
  expect(r.status).toBe(0);
  return r.stdout;
}

function fails(args: string[], message: RegExp, env: Env = {}): void {
  let err: unknown;
  try {
    parse(args, env);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).message).toMatch(message);
  expect((err as UserError).message).not.toContain('\n');
}

describe('program and guest arguments', () => {
  it('takes the first non-option word as the program; the rest goes to the guest', () => {
    const o = run(['-strace', './prog', 'a', '-h', '--version', '-L', 'x', '-s', '1']);
    expect(o.program).toBe('./prog');
    expect(o.argv).toEqual(['./prog', 'a', '-h', '--version', '-L', 'x', '-s', '1']);
    expect(o.strace).toBe(true);
    expect(o.ldPrefix).toBeUndefined();
  });
  it('treats -h right after the program as the guest\'s', () => {
    expect(run(['prog', '-h']).argv).toEqual(['prog', '-h']);
  });
  it('ends options at --', () => {
    const o = run(['-strace', '--', '-prog-with-dash', '-x']);
    expect(o.program).toBe('-prog-with-dash');
    expect(o.argv).toEqual(['-prog-with-dash', '-x']);
  });
  it('accepts --long spellings as QEMU does', () => {
    const o = run(['--cpu', 'rv64', '--strace', '--L', '/p', 'prog']);
    expect(o.cpu).toBe('rv64');
    expect(o.strace).toBe(true);
    expect(o.ldPrefix).toBe('/p');
  });
  it('replaces argv[0] with -0 / QEMU_ARGV0, even with a dash', () => {
    expect(run(['-0', '-sh', 'prog', 'x']).argv).toEqual(['-sh', 'x']);
    expect(run(['prog'], { QEMU_ARGV0: 'zero' }).argv).toEqual(['zero']);
    expect(run(['-0', 'cli', 'prog'], { QEMU_ARGV0: 'env' }).argv).toEqual(['cli']);
  });
  it('requires a program', () => {
    fails([], /^no user program specified/);
    fails(['-strace'], /^no user program specified/);
  });
});

describe('bad options', () => {
  it('reports unknown options and missing arguments in one line', () => {
    fails(['-bogus', 'prog'], /^unknown option '-bogus'/);
    fails(['--nope', 'prog'], /^unknown option '--nope'/);
    fails(['-', 'prog'], /^unknown option '-'/);
    fails(['-L'], /^missing argument for option '-L'/);
    fails(['-strace', '-cpu'], /^missing argument for option '-cpu'/);
  });
});

describe('environment variables vs the command line', () => {
  it('reads each QEMU_* variable', () => {
    const o = run(['prog'], {
      QEMU_LD_PREFIX: '/sysroot',
      QEMU_STACK_SIZE: '2M',
      QEMU_CPU: 'rv64',
      QEMU_STRACE: '',
      QEMU_LOG: 'in_asm,exec',
      QEMU_LOG_FILENAME: '/tmp/log',
      QEMU_UNAME: '6.1.0',
      QEMU_ONE_INSN_PER_TB: '1',
      QEMU_ACCEL_BACKEND: 'interp',
    });
    expect(o.ldPrefix).toBe('/sysroot');
    expect(o.stackSize).toBe(2 << 20);
    expect(o.cpu).toBe('rv64');
    expect(o.strace).toBe(true);
    expect([...o.log]).toEqual(['in_asm', 'exec']);
    expect(o.logFile).toBe('/tmp/log');
    expect(o.unameRelease).toBe('6.1.0');
    expect(o.oneInsnPerTb).toBe(true);
    expect(o.backend).toBe('interp');
  });
  it('lets the command line override them', () => {
    const env = { QEMU_LD_PREFIX: '/env', QEMU_STACK_SIZE: '2M', QEMU_CPU: 'max', QEMU_UNAME: '1.0', QEMU_LOG_FILENAME: 'env.log', QEMU_ACCEL_BACKEND: 'interp' };
    const o = run(['-L', '/cli', '-s', '3M', '-cpu', 'rv64', '-r', '2.0', '-D', 'cli.log', '-accel', 'tcg,backend=wasm', 'prog'], env);
    expect(o.ldPrefix).toBe('/cli');
    expect(o.stackSize).toBe(3 << 20);
    expect(o.cpu).toBe('rv64');
    expect(o.unameRelease).toBe('2.0');
    expect(o.logFile).toBe(resolve('cli.log')); // absolute: the processes a guest starts may run elsewhere
    expect(o.backend).toBe('wasm');
  });
  it('validates the variables too', () => {
    fails(['prog'], /^unknown -d item 'nope'/, { QEMU_LOG: 'nope' });
    fails(['prog'], /^invalid stack size 'lots'/, { QEMU_STACK_SIZE: 'lots' });
    fails(['prog'], /^unknown TCG backend 'jit'/, { QEMU_ACCEL_BACKEND: 'jit' });
  });
  it('has the defaults when nothing is set', () => {
    const o = run(['prog']);
    expect(o).toMatchObject({ strace: false, oneInsnPerTb: false, backend: 'wasm', stackSize: DEFAULT_STACK_SIZE });
    expect(o.log.size).toBe(0);
    expect(o.cpu).toBeUndefined();
  });
});

describe('the guest environment', () => {
  const host = { HOME: '/home/u', PATH: '/bin', LD_PRELOAD: 'x.so', EMPTY: undefined };
  it('passes the host environment through', () => {
    expect(run(['prog'], host).envp).toEqual(['HOME=/home/u', 'PATH=/bin', 'LD_PRELOAD=x.so']);
  });
  it('applies -E and -U lists in order, the last change winning', () => {
    const o = run(['-E', 'A=1,B=x=y', '-U', 'LD_PRELOAD,PATH', '-E', 'PATH=/usr/bin', '-U', 'A', 'prog'], host);
    expect(o.envp).toEqual(['HOME=/home/u', 'B=x=y', 'PATH=/usr/bin']);
  });
  it('applies QEMU_SET_ENV and QEMU_UNSET_ENV before the command line', () => {
    const o = run(['-E', 'C=cli', '-U', 'D', 'prog'], { ...host, QEMU_SET_ENV: 'C=env,D=env', QEMU_UNSET_ENV: 'HOME' });
    expect(o.envp).toContain('C=cli');
    expect(o.envp.some((e) => e.startsWith('D='))).toBe(false);
    expect(o.envp.some((e) => e.startsWith('HOME='))).toBe(false);
  });
  it('allows an empty value and rejects malformed items', () => {
    expect(run(['-E', 'EMPTYVAL=', 'prog']).envp).toEqual(['EMPTYVAL=']);
    fails(['-E', 'NOEQUALS', 'prog'], /^-E expects VAR=VALUE/);
    fails(['-E', '=v', 'prog'], /^-E expects VAR=VALUE/);
    fails(['-U', 'A=1', 'prog'], /^-U expects VAR/);
  });
  it("takes the launcher's QEMU_USER_TS_SIGIGN (the parent's ignored signals, hex) out of it", () => {
    const o = run(['prog'], { ...host, QEMU_USER_TS_SIGIGN: '0000000000000003' });
    expect(o.envp).toEqual(['HOME=/home/u', 'PATH=/bin', 'LD_PRELOAD=x.so']);
    expect(o.ignoredSignals).toBe(3n); // SIGHUP and SIGINT
    expect(run(['prog'], { QEMU_USER_TS_SIGIGN: '8000000000001000' }).ignoredSignals).toBe(0x8000_0000_0000_1000n);
    for (const none of ['', '0000000000000000', 'nohup', '1'.repeat(17)]) {
      expect(run(['prog'], { QEMU_USER_TS_SIGIGN: none }).ignoredSignals).toBeUndefined();
    }
  });
});

describe('-s stack size', () => {
  it('accepts k/M/G suffixes and hex', () => {
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('64k')).toBe(64 * 1024);
    expect(parseSize('64K')).toBe(64 * 1024);
    expect(parseSize('8M')).toBe(8 << 20);
    expect(parseSize('1G')).toBe(1 << 30);
    expect(parseSize('0x100000')).toBe(1 << 20);
    expect(run(['-s', '512k', 'prog']).stackSize).toBe(512 * 1024);
  });
  it('rejects garbage and zero', () => {
    for (const bad of ['', '0', '12x', '-1', '1.5M', 'M']) expect(() => parseSize(bad)).toThrow(UserError);
    fails(['-s', '12x', 'prog'], /^invalid stack size '12x'/);
  });
  it('defaults to RLIMIT_STACK when larger than 8 MiB; -s overrides it either way (as QEMU does)', () => {
    expect(run(['prog'], {}, 4 << 20).stackSize).toBe(DEFAULT_STACK_SIZE);
    expect(run(['prog'], {}, 32 << 20).stackSize).toBe(32 << 20);
    expect(run(['-s', '1M', 'prog'], {}, 32 << 20).stackSize).toBe(1 << 20);
  });
});

describe('-d logging', () => {
  it('takes comma separated items, repeatable', () => {
    expect([...run(['-d', 'in_asm,op', '-d', 'strace', 'prog']).log]).toEqual(['in_asm', 'op', 'strace']);
  });
  it('rejects unknown items', () => {
    fails(['-d', 'in_asm,bogus', 'prog'], /^unknown -d item 'bogus' \(-d help lists them\)/);
  });
  it('lists the items with -d help', () => {
    const text = exitText(['-d', 'help', 'prog']);
    for (const item of LOG_ITEMS) expect(text).toContain(item);
  });
});

describe('-accel', () => {
  it('selects the backend', () => {
    expect(run(['-accel', 'tcg', 'prog']).backend).toBe('wasm');
    expect(run(['-accel', 'tcg,backend=interp', 'prog']).backend).toBe('interp');
    expect(run(['-accel', 'tcg,backend=wasm', 'prog']).backend).toBe('wasm');
    expect(run(['-accel', 'tcg,one-insn-per-tb=on', 'prog']).oneInsnPerTb).toBe(true);
  });
  it('rejects other accelerators, backends and properties', () => {
    fails(['-accel', 'kvm', 'prog'], /^invalid accelerator 'kvm'/);
    fails(['-accel', 'tcg,backend=llvm', 'prog'], /^unknown TCG backend 'llvm'/);
    fails(['-accel', 'tcg,tb-size=4', 'prog'], /^invalid -accel property 'tb-size=4'/);
  });
});

describe('flags', () => {
  it('-strace, -one-insn-per-tb and its old name -singlestep', () => {
    expect(run(['-strace', 'prog']).strace).toBe(true);
    expect(run(['-one-insn-per-tb', 'prog']).oneInsnPerTb).toBe(true);
    expect(run(['-singlestep', 'prog']).oneInsnPerTb).toBe(true);
  });
});

describe('help and version', () => {
  it('-h and -help print a QEMU-style table of options and variables', () => {
    const text = exitText(['-h']);
    expect(text).toBe(usage());
    expect(exitText(['-help'])).toBe(text);
    expect(text).toMatch(/^usage: qemu-user-ts \[options\] program \[arguments\.\.\.\]/);
    expect(text).toMatch(/Argument\s+Env-variable\s+Description/);
    for (const o of OPTIONS) {
      expect(text).toContain(`-${o.flag}`);
      if (o.env) expect(text).toContain(o.env);
    }
  });
  it('-h stops parsing: a later bad option does not matter', () => {
    expect(exitText(['-h', '-bogus'])).toBe(usage());
  });
  it('-version prints the version', () => {
    expect(exitText(['-version'])).toBe('qemu-user-ts version 9.8.7 (QEMU-compatible user mode emulator)\n');
    expect(exitText(['prog'], { QEMU_VERSION: '' })).toContain('version 9.8.7');
  });
  it('-cpu help lists the models', () => {
    expect(exitText(['-cpu', 'help'])).toMatch(/riscv64: riscv64 rv64/);
  });
});
