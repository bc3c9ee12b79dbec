// /proc/<pid> of other guest processes (a shell's children, ps): the host's files there
// describe the Node that runs each one. Every emulator process publishes what those files
// would say of its guest (the program, the arguments it started with, its name, its
// address space) in a small file named by its pid in a per-user directory on tmpfs
// (/dev/shm/qemu-user-ts-<uid>, or under the temporary directory), written when its
// program starts (a fork child's, an execve's too), when it renames itself (PR_SET_NAME),
// and when it is about to wait (any blocking call: sleepServing) with its mappings changed
// since it last did; removed at its exit (those of processes killed outright are pruned by
// a later process: pruneStale). So another process's maps are as of its last wait: one
// that maps and unmaps while it computes, never waiting, shows older ones. The file also
// holds the host's start time of that pid (field 22 of /proc/<pid>/stat), so that a file
// left by a process that was killed outright is never taken for a new process with the
// same pid. A reader (vfs/proc.ts, syscalls/fs.ts) answers /proc/<pid>/cmdline, comm, exe,
// maps, and the name in status and stat from it; the rest of those files, and every other
// file of the directory, stay the host's. A change the guest makes to its argument area
// later (setproctitle) is not seen there.

import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mapping } from '../../memory/address-space.js';
import type { LinuxProcess } from '../process.js';
import { procMaps } from './proc-maps.js';

/** What a process publishes of its guest. */
export interface PeerView {
  /** The host's start time of the pid (field 22 of /proc/<pid>/stat), in clock ticks. */
  start: string;
  /** The program's path, as /proc/<pid>/exe reads. */
  exe: string;
  /** The argument area, NUL-separated (base64). */
  cmdline: string;
  /** The task name (PR_SET_NAME), latin1. */
  comm: string;
  /** /proc/<pid>/maps as of the publication. */
  maps: string;
}

let directory: string | undefined;
let ownStart: string | undefined;
let published = false;
/** The mappings (their array: the address space makes a new one at every change) the last publication showed. */
let publishedMaps: readonly Mapping[] | undefined;

/** The per-user directory of published views (made on first use). */
function viewDirectory(): string {
  if (directory !== undefined) return directory;
  const uid = process.getuid?.() ?? 0;
  for (const base of ['/dev/shm', tmpdir()]) {
    const dir = join(base, `qemu-user-ts-${uid}`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return (directory = dir);
    } catch {
      // not there, or not ours to write: the next
    }
  }
  return (directory = '');
}

/** The host's start time of `pid` (field 22 of its stat line), or undefined when it is gone. */
function hostStartTime(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // the fields after the name, which may hold spaces and parentheses: from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Publishes p's guest view (its program started, or renamed itself); failures leave the host's view. */
export function publishView(p: LinuxProcess): void {
  const dir = viewDirectory();
  ownStart ??= hostStartTime('self');
  if (!dir || ownStart === undefined) return;
  const { argStart, argEnd } = p.layout;
  const args = p.mem.readBytes(BigInt(argStart), Math.max(0, argEnd - argStart)) ?? new Uint8Array(0);
  const view: PeerView = {
    start: ownStart,
    exe: p.exePath,
    cmdline: Buffer.from(args).toString('base64'),
    comm: Buffer.from(p.comm).toString('latin1'),
    maps: procMaps(p),
  };
  publishedMaps = p.as.mappings;
  const file = join(dir, String(process.pid));
  const partial = `${file}.tmp`;
  try {
    const fd = openSync(partial, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(view));
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch {
    return;
  }
  if (!published) {
    published = true;
    process.on('exit', withdrawView);
    pruneStale(dir);
  }
}

/** Publishes p's view again if its mappings changed since (it is about to wait: LinuxProcess.sleepServing). */
export function refreshView(p: LinuxProcess): void {
  // a vfork child runs in its parent's host process: the view there is the parent's
  if (published && p.as.mappings !== publishedMaps && !p.vfork) publishView(p);
}

/** Files beyond which a process's first publication removes those of processes gone. */
const PRUNE_ABOVE = 128;

/**
 * Removes the views of processes that are gone (a default action's signal kills a process
 * before it can remove its own), once the directory holds more than PRUNE_ABOVE.
 */
function pruneStale(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  if (names.length <= PRUNE_ABOVE) return;
  for (const name of names) {
    const pid = Number(name.endsWith('.tmp') ? name.slice(0, -4) : name);
    if (!Number.isInteger(pid) || hostStartTime(pid) !== undefined) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // someone else pruned it
    }
  }
}

/** Removes this process's published view (it exits, or dies of a signal). */
export function withdrawView(): void {
  if (!published || !directory) return;
  published = false;
  try {
    unlinkSync(join(directory, String(process.pid)));
  } catch {
    // gone already
  }
}

/** The view guest process `pid` published, if it is one and still the process that published it. */
export function peerView(pid: number): PeerView | null {
  const dir = viewDirectory();
  if (!dir) return null;
  let view: PeerView;
  try {
    view = JSON.parse(readFileSync(join(dir, String(pid)), 'utf8')) as PeerView;
  } catch {
    return null;
  }
  return view.start === hostStartTime(pid) ? view : null;
}

/** /proc/<pid>/exe of another guest process: its program, or null (not a guest process, or our own pid). */
export function peerExe(p: LinuxProcess, path: string): string | null {
  const m = /^\/proc\/(\d+)\/exe$/.exec(path);
  if (!m || Number(m[1]) === p.pid) return null;
  return peerView(Number(m[1]))?.exe ?? null;
}
