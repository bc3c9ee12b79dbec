// What one emulator process hands the next when a guest process goes on in another host
// process: after execve, the same process (same host pid: the host's execve) running a new
// program. It goes as JSON through a host memfd the new process inherits, named by the
// QEMU_USER_TS_HANDOVER variable (fd:N): the only variable of its host environment, so that
// nothing of the guest's environment (NODE_OPTIONS...) reaches our Node, and with no limit
// on size (one environment string may be at most 128 KiB). cli/main.ts takes it before
// anything else, and the guest sees neither the variable nor the fd.

import { closeSync, fstatSync, readSync } from 'node:fs';
import type { FileKind } from './fd-table.js';
import type { HostLibc } from './host/libc.js';
import type { LogItem, RunOptions } from './options.js';
import type { LinuxProcess } from './process.js';

export const HANDOVER_VAR = 'QEMU_USER_TS_HANDOVER';

/** One guest fd that carries over: the host fd it is (inherited at the same number), and what the guest sees of it. */
export interface HandedFd {
  fd: number;
  host: number;
  /** Guest status flags (the guest ABI's encoding). */
  flags: number;
  kind: FileKind;
  /** Our own file offset where we keep one (OpenFile.pos). */
  pos: number | null;
  path: string;
  cloexec: boolean;
}

/** The process state that outlives the program (what execve keeps), as the receiving LinuxProcess takes it. */
export interface HandedProcess {
  fds: HandedFd[];
  cwd: string;
  umask: number;
  /** [resource, soft, hard] with the limits as decimal strings (bigints). */
  rlimits: [number, string, string][];
  /** The thread's signal mask (hex, bit sig-1). */
  mask: string;
}

/** The options that carry over to the next program (RunOptions without the per-program ones). */
export type HandedOptions = Omit<RunOptions, 'program' | 'argv' | 'envp' | 'log' | 'ignoredSignals' | 'handover' | 'execfn' | 'selfCommand' | 'forked' | 'ahead'> & {
  log: LogItem[];
};

export interface Handover {
  /** Host path of the program to load, and what the guest named it (AT_EXECFN). */
  program: string;
  execfn: string;
  argv: string[];
  envp: string[];
  options: HandedOptions;
  /** Signals ignored (hex, bit sig-1): execve keeps SIG_IGN. */
  ignored: string;
  process: HandedProcess;
}

/**
 * The guest fds with a host fd behind them, as the next process takes them: only those
 * execve keeps (`cloexecToo` false), or all of them (a fork's child).
 */
export function handedFds(p: LinuxProcess, cloexecToo: boolean): HandedFd[] {
  const out: HandedFd[] = [];
  for (const fd of p.fds.numbers()) {
    const e = p.fds.get(fd)!;
    if ((e.cloexec && !cloexecToo) || e.file.hostFd < 0) continue; // a file of another file system does not go over
    out.push({ fd, host: e.file.hostFd, flags: e.file.flags, kind: e.file.kind, pos: e.file.pos, path: e.file.path, cloexec: e.cloexec });
  }
  return out;
}

/** What of p the next process takes besides its fds: cwd, umask, rlimits, the calling thread's mask. */
export function handedProcess(p: LinuxProcess, fds: HandedFd[]): HandedProcess {
  return {
    fds,
    cwd: p.cwd,
    umask: p.umask,
    rlimits: [...p.rlimits].map(([r, l]) => [r, l.cur.toString(), l.max.toString()]),
    mask: p.thread.sigmask.toString(16),
  };
}

/** The options of `opts` that the next program runs with. */
export function handedOptions(opts: RunOptions): HandedOptions {
  const { program: _program, argv: _argv, envp: _envp, log, ignoredSignals: _ignored, handover: _handover, execfn: _execfn, selfCommand: _self, forked: _forked, ahead: _ahead, ...rest } = opts;
  return { ...rest, log: [...log] };
}

/**
 * Writes `h` into a new host memfd that an execve'd process inherits: the environment
 * entry that names it. The caller's execve either replaces us or fails (then the fd is
 * closed again by `discard`).
 */
export function sendHandover(lc: HostLibc, h: Handover): { envEntry: string; discard: () => void } {
  const fd = lc.memfd('qemu-user-ts-handover', 0); // no MFD_CLOEXEC: the next program reads it
  const bytes = sharedCopy(Buffer.from(JSON.stringify(h)));
  let off = 0;
  while (off < bytes.length) off += lc.write(fd, bytes, off, bytes.length - off, off);
  return {
    envEntry: `${HANDOVER_VAR}=fd:${fd}`,
    discard: () => closeSync(fd),
  };
}

/** libc's write takes shared buffers only (they never move): a copy of `bytes` in one. */
function sharedCopy(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

/** The run options of the program `h` hands over; `selfCommand`: how this emulator starts again. */
export function runOptionsOf(h: Handover, selfCommand: readonly string[] | undefined): RunOptions {
  return {
    ...h.options,
    log: new Set(h.options.log),
    program: h.program,
    execfn: h.execfn,
    argv: h.argv,
    envp: h.envp,
    ignoredSignals: BigInt(`0x${h.ignored}`),
    handover: h.process,
    selfCommand,
  };
}

/** Reads and closes the handover `value` (HANDOVER_VAR's) names. */
export function receiveHandover(value: string): Handover {
  const m = /^fd:(\d+)$/.exec(value);
  if (!m) throw new Error(`${HANDOVER_VAR}: not fd:N: ${value}`);
  const fd = Number(m[1]);
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, bytes, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    return JSON.parse(bytes.subarray(0, off).toString('utf8')) as Handover;
  } finally {
    closeSync(fd);
  }
}
