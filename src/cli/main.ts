// The qemu-user-ts entry point (bundled by esbuild into dist/qemu-user-ts.cjs, which
// bin/qemu-user-ts runs). Parses the QEMU-style command line, checks the program
// can be opened, and hands over to linux-user's runGuest. A UserError is printed as
// one line `qemu-user-ts: message` with status 1; anything else is a bug: its stack
// is printed and the status is EX_SOFTWARE (70). Output goes straight to fds 1 and 2
// with writeSync: creating process.stdout/stderr loads Node's stream, net and tty
// modules, which costs every start-up more than 10 ms.

import { closeSync, writeSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { checkProgramFile } from '../loader/elf.js';
import { UserError } from '../user-error.js';
import { HANDOVER_VAR, receiveHandover, runOptionsOf } from '../linux-user/handover.js';
import { forkImageFromSpare, readForkImage, readJobFile } from '../linux-user/fork.js';
import { awaitFork, prepareAhead, SIGNALS_AHEAD, type SpareAhead } from '../linux-user/spare.js';
import { isVforkJob, takeSessionOps, vforkJobOf, type VforkJob } from '../linux-user/vfork.js';
import { execNativeAs } from '../linux-user/syscalls/exec.js';
import { dieOfSignal, runGuest } from '../linux-user/main.js';
import { hostLibc } from '../linux-user/host/libc.js';
import { keepParentChannel, recycledChannel, reportExit } from '../linux-user/exit-report.js';
import { binfmtCommand } from './binfmt.js';
import type { RunOptions } from '../linux-user/options.js';
import { INHERITED_IGNORED_VAR, parseCommandLine, PROGRAM_NAME } from './options.js';

/** sysexits.h EX_SOFTWARE: an internal error. */
export const EXIT_INTERNAL_ERROR = 70;
export const EXIT_USER_ERROR = 1;

/** Runs the CLI with `args` (process.argv.slice(2)); resolves to the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    // a guest's execve started us: the program and everything else come from the one before
    const handedOver = process.env[HANDOVER_VAR];
    if (handedOver !== undefined) {
      let status = runHandedOver(handedOverOrFail(handedOver));
      // a child whose exit was reported as recycled (exit-report.ts): a spare again, on the same channel
      for (let channel; (channel = recycledChannel()); ) status = runHandedOver(spareRun(channel.sock, false, channel.status));
      return status;
    }
    // an option before any program name: a guest program called binfmt still runs
    if (args[0] === '-binfmt' || args[0] === '--binfmt') return binfmtCommand(args.slice(1), process.argv[1], process.execPath, (text) => writeAll(1, text));
    const cl = parseCommandLine(args, { env: process.env, version: packageJson.version });
    delete process.env[INHERITED_IGNORED_VAR]; // bin/qemu-user-ts's word for this process alone
    if (cl.kind === 'exit') {
      writeAll(1, cl.stdout);
      return cl.status;
    }
    checkProgramFile(cl.options.program);
    // runGuest is synchronous today; awaiting keeps this right if it becomes async.
    return await Promise.resolve(runGuest({ ...cl.options, selfCommand: selfCommand() }));
  } catch (e) {
    if (e instanceof UserError) {
      writeAll(2, `${PROGRAM_NAME}: ${e.message}\n`);
      return e.exitCode;
    }
    writeAll(2, `${PROGRAM_NAME}: internal error (a bug, please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Node with its flags and the launcher: how a guest's execve starts this emulator again (none when not run by a launcher). */
function selfCommand(): string[] | undefined {
  const launcher = process.argv[1];
  return launcher ? [process.execPath, ...process.execArgv, launcher] : undefined;
}

/**
 * optionsHandedOver, or one line when the variable names nothing we handed over (it is
 * ours alone, but it is in the environment for anyone to set).
 */
function handedOverOrFail(value: string): RunOptions | SpareVforkJob {
  try {
    return optionsHandedOver(value);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${HANDOVER_VAR}=${value}: not a handover from a running qemu-user-ts (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** A vfork child's job, as its spare received it (linux-user/vfork.ts), with what the spare made ahead. */
interface SpareVforkJob {
  vfork: VforkJob['vfork'];
  ahead: SpareAhead;
}

/** The run a guest's execve, fork or vfork handed over (linux-user/handover.ts, fork.ts, vfork.ts). */
function optionsHandedOver(value: string): RunOptions | SpareVforkJob {
  delete process.env[HANDOVER_VAR];
  if (value.startsWith('fork:')) return forkRun({ forked: readForkImage(value), ahead: undefined });
  if (value.startsWith('spare:')) {
    const rest = value.slice('spare:'.length);
    return spareRun(Number.parseInt(rest, 10), rest.endsWith(SIGNALS_AHEAD), 0);
  }
  const h = receiveHandover(value);
  checkProgramFile(h.program);
  return runOptionsOf(h, selfCommand());
}

/** The run of a forked child: its image, with what a spare made ahead. */
function forkRun(job: { forked: NonNullable<RunOptions['forked']>; ahead: SpareAhead | undefined }): RunOptions {
  const { forked, ahead } = job;
  const { image } = forked;
  return {
    ...image.options,
    log: new Set(image.options.log),
    program: image.program,
    execfn: image.execfn,
    argv: [],
    envp: [],
    handover: image.process,
    selfCommand: selfCommand(),
    forked,
    ahead,
  };
}

/**
 * A spare (linux-user/spare.ts; `sock`: its channel's fd; `signals`: SIGNALS_AHEAD was
 * asked) makes what it can ahead, then waits for its parent's fork or vfork child; if none
 * comes (the channel ended) it ends with `statusIfNone` (0 for a spare that never served;
 * a recycled child's own status, for a parent that went away before reaping it).
 */
function spareRun(sock: number, signals: boolean, statusIfNone: number): RunOptions | SpareVforkJob {
  const lc = hostLibc();
  const ahead = prepareAhead(signals);
  const fds = lc ? awaitFork(lc, sock) : null;
  if (!fds) process.exit(statusIfNone);
  keepParentChannel(lc!, sock); // the child's exit is reported on it
  const read = readJobFile(fds[0]);
  if (isVforkJob(read.job)) {
    closeSync(fds[0]);
    return { vfork: vforkJobOf(read.job, fds), ahead };
  }
  return forkRun({ forked: forkImageFromSpare(read, fds), ahead });
}

/** Runs what a handover asked for: a program, a forked child, or a vfork child's end. */
function runHandedOver(run: RunOptions | SpareVforkJob): number {
  return 'vfork' in run ? runVforkJob(run.vfork, run.ahead) : runGuest(run);
}

/**
 * A spare becomes its vfork child's process: the child's session ops first, then what it
 * ended with: its program (a guest one run here, a host one executed), its exit, or its
 * death by a signal.
 */
function runVforkJob(v: VforkJob['vfork'], ahead: SpareAhead): number {
  const lc = hostLibc()!;
  takeSessionOps(lc, v);
  const end = v.end;
  if ('exit' in end) {
    // the child's files closed in its parent already (vfork.ts); nothing ran here: recycled, unless the spare follows signals
    reportExit(lc, end.exit, () => {}, ahead.hostSignals?.leftAsStarted() ?? true);
    return end.exit;
  }
  if ('signal' in end) return dieOfSignal(end.signal);
  const h = end.exec;
  if (end.native) {
    const state = { fds: h.process.fds, ignored: BigInt(`0x${h.ignored}`), mask: BigInt(`0x${h.process.mask}`), cwd: h.process.cwd, umask: h.process.umask, nonblock: end.nonblock };
    execNativeAs(lc, state, h.program, h.argv, h.envp);
  }
  checkProgramFile(h.program);
  return runGuest({ ...runOptionsOf(h, selfCommand()), ahead });
}

/** Writes `text` to file descriptor `fd` (a closed or broken stdout is not our error). */
function writeAll(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // EPIPE or EBADF: nobody is reading, as with a failed write to a closed stream.
  }
}

// No top-level await: the bundle is CommonJS (see esbuild.config.mjs). Everything was
// written synchronously, so there is nothing to flush before exiting.
void main(process.argv.slice(2)).then((status) => process.exit(status));
