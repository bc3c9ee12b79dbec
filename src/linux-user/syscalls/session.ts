// Sessions and process groups: setsid, setpgid, getpgid, getsid. A guest pid is the
// host's, so these are the host's own calls through host/libc.ts (what a shell's job
// control needs); without the libc binding, the getters read /proc/<pid>/stat and the
// setters are ENOSYS.

import { readdirSync, readFileSync } from 'node:fs';
import { E, fail } from '../errno.js';
import { hostLibc } from '../host/libc.js';
import type { LinuxProcess } from '../process.js';
import type { SyscallArgs } from './args.js';
import { childSetpgid, childSetsid } from '../vfork.js';

type A = SyscallArgs;

/** pid 0 means the caller. */
const who = (p: LinuxProcess, pid: number): number => (pid === 0 ? p.pid : pid);

/** Field `n` (1-based, as proc(5) numbers them) of /proc/<pid>/stat; ESRCH when there is no such process. */
function statField(pid: number, n: number): number {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return fail(E.ESRCH);
  }
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(rest[n - 3]);
}

const PGRP_FIELD = 5;
const SESSION_FIELD = 6;

/** The process group of host process `pid` (ESRCH when there is none). */
export function processGroupOf(pid: number): number {
  const lc = hostLibc();
  return lc ? lc.getpgid(pid) : statField(pid, PGRP_FIELD);
}

/** The host processes (guest ones too: their pids are the host's) in process group `pgrp`, or all of them (null) but init. */
export function processesIn(pgrp: number | null): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pgrp === null ? pid === 1 : statFieldOrNull(pid, PGRP_FIELD) !== pgrp) continue;
    out.push(pid);
  }
  return out;
}

function statFieldOrNull(pid: number, n: number): number | null {
  try {
    return statField(pid, n);
  } catch {
    return null; // gone meanwhile
  }
}

// A vfork child (vfork.ts) runs in its parent's host process: its own group and session
// are kept by it, and made by its spare.

export function sysSetsid(p: LinuxProcess): number {
  if (p.vfork) return childSetsid(p);
  return (hostLibc() ?? fail(E.ENOSYS)).setsid();
}

export function sysSetpgid(p: LinuxProcess, a: A): number {
  if (a.int(1) < 0) return -E.EINVAL;
  const lc = hostLibc() ?? fail(E.ENOSYS);
  const own = p.vfork ? childSetpgid(p, lc, a.int(0), a.int(1)) : null;
  if (own !== null) return own;
  lc.setpgid(a.int(0), a.int(1));
  return 0;
}

export function sysGetpgid(p: LinuxProcess, a: A): number {
  if (p.vfork && who(p, a.int(0)) === p.pid) return p.vfork.pgid;
  const lc = hostLibc();
  return lc ? lc.getpgid(a.int(0)) : statField(who(p, a.int(0)), PGRP_FIELD);
}

export function sysGetsid(p: LinuxProcess, a: A): number {
  if (p.vfork && who(p, a.int(0)) === p.pid) return p.vfork.sid;
  const lc = hostLibc();
  return lc ? lc.getsid(a.int(0)) : statField(who(p, a.int(0)), SESSION_FIELD);
}
