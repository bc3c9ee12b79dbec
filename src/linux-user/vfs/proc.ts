// The guest's own /proc files, which the host's would get wrong (they describe Node):
// /proc/self/{maps,auxv,cmdline,environ,stat,status} (also as /proc/<our pid>/ and
// /proc/thread-self/), /proc/cpuinfo for the guest CPU, and the listings of
// /proc/self/fd and fdinfo (getdents64 asks guestFdListing). As QEMU's linux-user does,
// an open of one gets a host file holding the text made at that moment (anonymous: made
// and unlinked at once), so read, lseek, pread and fstat work on it as on any file. Every
// other /proc path goes to the host. /proc/self/exe is vfs/path.ts's (isProcSelfExe).
// For another guest process, /proc/<pid>/{cmdline,comm,maps,status,stat} come from what it
// published of itself (vfs/proc-peers.ts).

import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostRandomBytes } from '../../host-lazy.js';
import type { Mapping } from '../../memory/address-space.js';
import type { DirEntry } from '../fd-table.js';
import { DT } from '../generic/constants.js';
import type { LinuxProcess } from '../process.js';
import { peerView, type PeerView } from './proc-peers.js';
import { procMaps } from './proc-maps.js';

/** What makes each file: its text (or bytes) now. */
type Maker = (p: LinuxProcess) => string | Uint8Array;

const PER_PROCESS: Readonly<Record<string, Maker>> = {
  maps: procMaps,
  auxv: (p) => p.auxv,
  cmdline: (p) => guestBytes(p, p.layout.argStart, p.layout.argEnd),
  environ: (p) => guestBytes(p, p.layout.envStart, p.layout.envEnd),
  stat: procStat,
  status: procStatus,
  comm: (p) => `${p.comm.toString('latin1')}\n`,
};

/** Another guest process's files, from the view it published (the rest of each is the host's). */
const PER_PEER: Readonly<Record<string, (view: PeerView, pid: number) => string | Uint8Array>> = {
  cmdline: (view) => Buffer.from(view.cmdline, 'base64'),
  maps: (view) => view.maps,
  comm: (view) => `${view.comm}\n`,
  status: (view, pid) => hostProcOf(pid, 'status').replace(/^Name:\t.*$/m, `Name:\t${view.comm}`),
  stat: (view, pid) => {
    const host = hostProcOf(pid, 'stat');
    const open = host.indexOf('(');
    const close = host.lastIndexOf(')');
    return open > 0 && close > open ? `${host.slice(0, open + 1)}${view.comm}${host.slice(close)}` : host;
  },
};

/** Whether /proc/<which>/ is this process's own directory: self, thread-self or our pid. */
export function isOwnProcDir(p: LinuxProcess, which: string): boolean {
  return which === 'self' || which === 'thread-self' || Number(which) === p.pid;
}

/** The maker for host path `path` when it names one of the guest's own /proc files. */
function makerFor(p: LinuxProcess, path: string): Maker | null {
  if (path === '/proc/cpuinfo') return p.cpuinfo ? () => p.cpuinfo!() : null;
  const m = /^\/proc\/(self|thread-self|\d+)\/([a-z]+)$/.exec(path);
  if (!m) return null;
  if (isOwnProcDir(p, m[1])) return PER_PROCESS[m[2]] ?? null;
  const peer = /^\d+$/.test(m[1]) ? PER_PEER[m[2]] : undefined;
  const view = peer && peerView(Number(m[1]));
  return peer && view ? () => peer(view, Number(m[1])) : null;
}

/**
 * The listing of /proc/self/fd or /proc/self/fdinfo (host path `path`): the guest's fd
 * numbers, not the host's; null for any other directory.
 */
export function guestFdListing(p: LinuxProcess, path: string): DirEntry[] | null {
  const m = /^\/proc\/(self|thread-self|\d+)\/(fd|fdinfo)\/?$/.exec(path);
  if (!m || !isOwnProcDir(p, m[1])) return null;
  const type = m[2] === 'fd' ? DT.LNK : DT.REG;
  const entries: DirEntry[] = [
    { name: Buffer.from('.'), ino: 1n, type: DT.DIR },
    { name: Buffer.from('..'), ino: 2n, type: DT.DIR },
  ];
  for (const fd of p.fds.numbers()) entries.push({ name: Buffer.from(String(fd)), ino: BigInt(0x1000 + fd), type });
  return entries;
}

/** Whether `path` (a host path, after -L) is one of the files made here. */
export function isGuestProcFile(p: LinuxProcess, path: string): boolean {
  return makerFor(p, path) !== null;
}

/**
 * A host fd, open for reading at offset 0, on a file holding the contents of guest /proc
 * file `path`; null when `path` is not one of them.
 */
export function openGuestProcFile(p: LinuxProcess, path: string): number | null {
  const make = makerFor(p, path);
  if (!make) return null;
  const content = make(p);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const tmp = join(tmpdir(), `qemu-user-ts-proc-${process.pid}-${Buffer.from(hostRandomBytes(6)).toString('hex')}`);
  const fd = openSync(tmp, 'wx+', 0o400);
  try {
    unlinkSync(tmp);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, done);
    return fd;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Guest memory [start, end), as the kernel reads argv and envp for /proc (what is readable of it). */
function guestBytes(p: LinuxProcess, start: number, end: number): Uint8Array {
  return p.mem.readBytes(BigInt(start), Math.max(0, end - start))?.slice() ?? new Uint8Array(0);
}

/** Host process `pid`'s /proc file `name` (ours: 'self'), or "" where there is none. */
function hostProcOf(pid: number | 'self', name: string): string {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'latin1');
  } catch {
    return '';
  }
}

/**
 * /proc/self/stat: the host's line (times, faults, priority) with the guest's name, one
 * thread, and the guest's memory layout (vsize, start_code .. end_data, start_stack).
 */
function procStat(p: LinuxProcess): string {
  const host = hostProcOf('self', 'stat');
  const close = host.lastIndexOf(')');
  const rest = close > 0 ? host.slice(close + 2).trim().split(' ') : [];
  // rest[0] is field 3 (state); field N is rest[N - 3]
  const set = (field: number, v: number | string): void => {
    while (rest.length < 52 - 2) rest.push('0');
    rest[field - 3] = String(v);
  };
  set(3, 'R');
  set(4, p.ppid);
  set(20, 1); // num_threads
  set(23, p.as.mappings.reduce((n, m) => n + (m.end - m.start), 0)); // vsize
  set(26, p.layout.startCode);
  set(27, p.layout.endCode);
  set(28, p.layout.startStack);
  set(29, 0); // kstkesp
  set(30, 0); // kstkeip
  set(45, p.layout.startData);
  set(46, p.layout.endData);
  set(47, p.as.brkStart);
  set(48, p.layout.argStart);
  set(49, p.layout.argEnd);
  set(50, p.layout.envStart);
  set(51, p.layout.envEnd);
  return `${p.pid} (${p.comm.toString('latin1')}) ${rest.join(' ')}\n`;
}

/** /proc/self/status: the host's, with the guest's name, pid, parent, one thread, its size and locked memory. */
function procStatus(p: LinuxProcess): string {
  const lines = hostProcOf('self', 'status').split('\n');
  const put = (key: string, value: string | number): void => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (i >= 0) lines[i] = `${key}:\t${value}`;
  };
  put('Name', p.comm.toString('latin1'));
  put('State', 'R (running)');
  put('Tgid', p.pid);
  put('Pid', p.pid);
  put('PPid', p.ppid);
  put('Threads', p.threads?.count ?? 1);
  const kb = `${p.as.mappings.reduce((n, m) => n + (m.end - m.start), 0) >> 10} kB`;
  put('VmPeak', kb.padStart(11));
  put('VmSize', kb.padStart(11));
  put('VmLck', `${p.as.lockedBytes() >> 10} kB`.padStart(11)); // mlock'ed mappings (syscalls/mman.ts)
  return lines.join('\n');
}
