// The credential setters: setuid, setgid, setreuid, setregid, setresuid, setresgid,
// setfsuid, setfsgid, setgroups. A guest process is a host process, so its ids are the
// host's: these are the host's calls (host/processes.ts; glibc applies each to every
// thread of the emulator), with Linux's own checks and errors (EPERM), after which the
// process's ids are read back. posix_spawn's POSIX_SPAWN_RESETIDS (make runs its commands
// so) calls setresuid. Without the libc binding: ENOSYS.

import { E, fail } from '../errno.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import { readGuest, type SyscallArgs } from './args.js';
import { childSetsIds } from '../vfork.js';

type A = SyscallArgs;
type Creds = NonNullable<ReturnType<typeof hostLibc>>['processes']['creds'];

/** NGROUPS_MAX. */
const NGROUPS_MAX = 65536;

function creds(): Creds {
  return (hostLibc() ?? fail(E.ENOSYS)).processes.creds;
}

/**
 * Runs a host credential change, then takes the process's ids as they now are; `ids`: the
 * ids asked for (a vfork child, in its parent's host process, may only ask for its own).
 */
function change(p: LinuxProcess, group: boolean, ids: number[], call: (c: Creds) => void): number {
  if (p.vfork) return childSetsIds(p, ids, group);
  call(creds());
  p.refreshIds();
  return 0;
}

export const sysSetuid = (p: LinuxProcess, a: A): number => change(p, false, [a.int(0)], (c) => c.setuid(a.int(0)));
export const sysSetgid = (p: LinuxProcess, a: A): number => change(p, true, [a.int(0)], (c) => c.setgid(a.int(0)));
export const sysSetreuid = (p: LinuxProcess, a: A): number => change(p, false, [a.int(0), a.int(1)], (c) => c.setreuid(a.int(0), a.int(1)));
export const sysSetregid = (p: LinuxProcess, a: A): number => change(p, true, [a.int(0), a.int(1)], (c) => c.setregid(a.int(0), a.int(1)));
export const sysSetresuid = (p: LinuxProcess, a: A): number =>
  change(p, false, [a.int(0), a.int(1), a.int(2)], (c) => c.setresuid(a.int(0), a.int(1), a.int(2)));
export const sysSetresgid = (p: LinuxProcess, a: A): number =>
  change(p, true, [a.int(0), a.int(1), a.int(2)], (c) => c.setresgid(a.int(0), a.int(1), a.int(2)));

/** setfsuid/setfsgid never fail: they return the old id (and change nothing when not allowed). */
export function sysSetfsuid(p: LinuxProcess, a: A): number {
  if (p.vfork) return p.euid; // changes nothing of the parent's host process
  const old = creds().setfsuid(a.int(0));
  p.refreshIds();
  return old;
}

export function sysSetfsgid(p: LinuxProcess, a: A): number {
  if (p.vfork) return p.egid;
  const old = creds().setfsgid(a.int(0));
  p.refreshIds();
  return old;
}

export function sysSetgroups(p: LinuxProcess, a: A): number {
  const n = a.int(0);
  if (n < 0 || n > NGROUPS_MAX) return -E.EINVAL;
  const raw = n === 0 ? new Uint8Array(0) : readGuest(p, a.big(1), n * 4);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const ids = Array.from({ length: n }, (_, i) => dv.getUint32(i * 4, true));
  if (p.vfork) return childSetsIds(p, [-2], true); // never the parent's host process's groups
  creds().setgroups(ids);
  return 0;
}
