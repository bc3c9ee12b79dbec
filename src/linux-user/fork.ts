// fork and clone without CLONE_VM (vfork's CLONE_VM|CLONE_VFORK copies nothing: vfork.ts,
// which falls back to this only without a spare to be had): the child is a new host process running this
// emulator (Node cannot fork itself: a forked Node dies at once), started with
// posix_spawn and handed an image of the parent at the moment of the call, through a host
// memfd it inherits (handover.ts names it): the calling thread's registers (the call
// returning 0 in the child), the guest memory (the pages that hold any non-zero byte: of
// those GuestMemory's DIRTY bits say were ever accessible), the address space map, the fd
// table (the same host fds, inherited at the same numbers, so pipes, sockets and terminals
// are shared as POSIX requires), cwd, umask, rlimits, signal actions, mask and alternate
// stack, and the options. The child's pid is its host pid, and it is the parent's host
// child, so wait4 and kill work as on Linux. From a process's second fork on, a spare
// emulator started ahead takes the image instead (spare.ts): no Node start-up.
// The file offsets we keep ourselves (OpenFile.pos) move to the host's open files first,
// which parent and child then share. Only the calling thread goes on in the child, as
// Linux does; timers and pending signals are not inherited. What this copy cannot give
// (see docs/ARCHITECTURE.md): a MAP_SHARED file mapping is copied, not shared (the child's
// writes to it stay its own). The jobs a spare is sent (this image, or a
// vfork child's end) go through writeSpareJob / readJobFile. A MAP_SHARED anonymous
// mapping is not copied: its host memfd goes to the child with the fds, and the child maps
// it at the same place (shared-memory.ts), so the two share it.

import { closeSync, fstatSync, readSync } from 'node:fs';
import type { AddressSpace, Mapping, SharedObject } from '../memory/address-space.js';
import { sharedBacking } from './shared-memory.js';
import type { OpenFile } from './fd-table.js';
import type { GuestMemory } from '../memory/guest-memory.js';
import { ENV_BLOCK_SIZE, PAGE_SIZE, PERM } from '../memory/layout.js';
import { ENV } from '../tcg/env.js';
import { CLONE } from './generic/constants.js';
import type { KSigaction, StackT } from './generic/structs.js';
import { handedFds, handedOptions, handedProcess, HANDOVER_VAR, type HandedFd, type HandedOptions, type HandedProcess } from './handover.js';
import { type HostLibc } from './host/libc.js';
import { emulatorEnvironment } from './host/koffi.js';
import type { LinuxProcess, ProgramLayout } from './process.js';
import type { LinuxTarget } from './target.js';
import type { CloneRequest } from './threads.js';
import { noteHostChanged } from './exit-report.js';
import { handToSpare, replenishSpares, takeSpare } from './spare.js';

/** What the child takes from the parent, besides the memory's bytes. */
export interface ForkImage {
  options: HandedOptions;
  program: string;
  execfn: string;
  machine: number;
  process: HandedProcess;
  /** The calling thread's env block (base64), its registers as they were at the call. */
  env: string;
  /** What the child's registers get beyond the parent's: the call's result 0, and clone's stack and TLS. */
  stack: string;
  tls: string | null;
  /** CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID addresses (0: none). */
  setTid: string;
  clearTid: string;
  sigactions: [number, string, string, string, string][];
  altstack: { sp: string; flags: number; size: string };
  maps: Mapping[];
  brk: { start: number; cur: number };
  mmapTop: number;
  lockFuture: boolean;
  /** Runs of pages whose bytes follow the image's JSON, in order: [start, length]. */
  runs: [number, number][];
  sigtramp: string | null;
  layout: ProgramLayout;
  auxv: string;
  comm: string;
}

/** The flags of a new process that are taken as fork takes them (the others: EINVAL, or ENOSYS for namespaces). */
export const FORK_FLAGS = CLONE.VM | CLONE.VFORK | CLONE.SETTLS | CLONE.PARENT_SETTID | CLONE.CHILD_SETTID | CLONE.CHILD_CLEARTID |
  CLONE.SYSVSEM | CLONE.DETACHED;

/** Pages compared with zeros at once where a mapping's pages are all DIRTY (a stack that mostly never held anything). */
const ZERO_CHUNK_PAGES = 16;
/** Zeros, to compare guest pages with: a page, or a chunk of ZERO_CHUNK_PAGES. */
const ZEROS = new Uint8Array(PAGE_SIZE * ZERO_CHUNK_PAGES);

/**
 * Runs of the pages the child must be given: DIRTY ones (possibly non-zero: every page
 * that was ever accessible) whose bytes are not all zero. The child's memory starts as
 * zeros, and most of a DIRTY stack never held anything: comparing pages with zeros (a
 * memcmp, 16 pages at a time where they are all DIRTY and all zero: an 8 MiB stack is
 * ~0.3 ms, page by page it was ~2.5 ms of cold code) costs far less than copying them twice.
 */
function dirtyRuns(mem: GuestMemory, maps: readonly Mapping[]): [number, number][] {
  const runs: [number, number][] = [];
  const { perms, u8 } = mem;
  const zeroBytes = (page: number, pages: number): boolean =>
    Buffer.compare(u8.subarray(page * PAGE_SIZE, (page + pages) * PAGE_SIZE), ZEROS.subarray(0, pages * PAGE_SIZE)) === 0;
  const holdsBytes = (page: number): boolean => (perms[page] & PERM.DIRTY) !== 0 && !zeroBytes(page, 1);
  /** Whether pages [page, page + ZERO_CHUNK_PAGES) are all DIRTY and all zero (then none of them is given). */
  const zeroChunk = (page: number, last: number): boolean => {
    if (page + ZERO_CHUNK_PAGES > last) return false;
    for (let q = page; q < page + ZERO_CHUNK_PAGES; q++) if ((perms[q] & PERM.DIRTY) === 0) return false;
    return zeroBytes(page, ZERO_CHUNK_PAGES);
  };
  for (const m of maps) {
    if (m.shared) continue; // the child maps the same host object (restoreMemory)
    const last = m.end / PAGE_SIZE;
    for (let page = m.start / PAGE_SIZE; page < last; ) {
      if (zeroChunk(page, last)) {
        page += ZERO_CHUNK_PAGES;
        continue;
      }
      if (!holdsBytes(page)) {
        page++;
        continue;
      }
      let end = page + 1;
      while (end < last && holdsBytes(end)) end++;
      runs.push([page * PAGE_SIZE, (end - page) * PAGE_SIZE]);
      page = end;
    }
  }
  return runs;
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** The image of `p` for a child of `req`; `fds`: the guest fds with a host fd behind them. */
function imageOf(p: LinuxProcess, req: CloneRequest, fds: HandedFd[]): ForkImage {
  const opts = p.runOptions!;
  const t = p.thread;
  const maps = p.as.mappings.map((m) => ({ ...m }));
  return {
    options: handedOptions(opts),
    program: opts.program,
    execfn: p.execfn,
    machine: p.machine,
    process: handedProcess(p, fds),
    env: b64(p.mem.u8.subarray(t.env, t.env + ENV_BLOCK_SIZE)),
    stack: req.stack.toString(),
    tls: req.flags & CLONE.SETTLS ? req.tls.toString() : null,
    setTid: (req.flags & CLONE.CHILD_SETTID ? req.childTid : 0n).toString(),
    clearTid: (req.flags & CLONE.CHILD_CLEARTID ? req.childTid : 0n).toString(),
    sigactions: [...p.sigactions].map(([sig, a]) => [sig, a.handler.toString(), a.flags.toString(), a.restorer.toString(), a.mask.toString()]),
    altstack: { sp: t.altstack.sp.toString(), flags: t.altstack.flags, size: t.altstack.size.toString() },
    maps,
    brk: { start: p.as.brkStart, cur: p.as.brkCur },
    mmapTop: p.as.mmapTop,
    lockFuture: p.as.lockFuture,
    runs: dirtyRuns(p.mem, maps),
    sigtramp: p.sigtramp === undefined ? null : p.sigtramp.toString(),
    layout: { ...p.layout },
    auxv: b64(p.auxv),
    comm: b64(p.comm),
  };
}

/**
 * Starts the child of `req` (fork's checks are the caller's): returns its pid. The image
 * goes into a memfd: a 4-byte length, the JSON, then the pages.
 */
export function forkProcess(p: LinuxProcess, lc: HostLibc, req: CloneRequest): number {
  p.madeFork = true;
  noteHostChanged('a child'); // this host process has children now: it is no spare for another job
  // the offsets we kept ourselves go to the host's open files, which parent and child then share
  for (const fd of p.fds.numbers()) toHostOffset(lc, p.fds.get(fd)!.file);
  const fds = handedFds(p, true);
  p.sharedMaps.flushAll(); // the file holds what the parent wrote so far; the child's copy starts from it
  const image = imageOf(p, req, fds);
  const memfd = writeSpareJob(lc, image);
  try {
    let pos = fstatSync(memfd).size;
    for (const [start, len] of image.runs) pos = writeAll(lc, memfd, p.mem.u8, start, len, pos);
    const spare = takeSpare(p, lc);
    let pid: number;
    if (spare) {
      handToSpare(p, lc, spare, [memfd, ...passedFds(image)]);
      pid = spare.pid;
    } else {
      const self = p.runOptions!.selfCommand!;
      const keep = [...new Set([0, 1, 2, memfd, ...fds.map((f) => f.host), ...sharedFds(image.maps)])];
      p.hostSignals?.expectChildren();
      pid = lc.processes.spawn({ path: self[0], argv: self, envp: [`${HANDOVER_VAR}=fork:${memfd}`, ...emulatorEnvironment()], keepFds: keep, mask: 0n });
    }
    replenishSpares(p, lc, ++p.forks); // for the next forks
    return pid;
  } finally {
    closeSync(memfd);
  }
}

/**
 * A new host memfd holding `job` as a spare, or a child started cold, reads it (readJobFile):
 * a 4-byte length, then the JSON; a fork's pages follow.
 */
export function writeSpareJob(lc: HostLibc, job: object): number {
  const json = Buffer.from(JSON.stringify(job));
  const head = new Uint8Array(new SharedArrayBuffer(4 + json.length));
  new DataView(head.buffer).setUint32(0, json.length, true);
  head.set(json, 4);
  const memfd = lc.memfd('qemu-user-ts-fork', 0);
  try {
    writeAll(lc, memfd, head, 0, head.length, 0);
  } catch (e) {
    closeSync(memfd);
    throw e;
  }
  return memfd;
}

/** The JSON of a job memfd (writeSpareJob), which stays open; bytesAt: where a fork's pages start. */
export function readJobFile(fd: number): { job: object; bytesAt: number } {
  const lenBuf = Buffer.alloc(4);
  readSync(fd, lenBuf, 0, 4, 0);
  const len = lenBuf.readUInt32LE(0);
  const json = Buffer.alloc(len);
  for (let got = 0; got < len; ) got += readSync(fd, json, got, len - got, 4 + got);
  return { job: JSON.parse(json.toString('utf8')) as object, bytesAt: 4 + len };
}

/**
 * Moves the file offset we keep ourselves (OpenFile.pos) to the host's open file, which
 * another process is about to share; from then on both use the host's.
 */
export function toHostOffset(lc: HostLibc, file: OpenFile): void {
  if (file.kind === 'file' && file.pos !== null && file.hostFd >= 0) {
    lc.seek(file.hostFd, file.pos);
    file.pos = null;
  }
}

/** The host fds a spare is sent after the image's memfd: each of the image's once, in order (the fd table's, then the shared mappings'). */
function passedFds(image: ForkImage): number[] {
  return [...new Set([...image.process.fds.map((f) => f.host), ...sharedFds(image.maps)])];
}

/** The host objects behind the shared anonymous mappings of `maps`. */
const sharedFds = (maps: readonly Mapping[]): number[] => maps.flatMap((m) => (m.shared ? [m.shared.fd] : []));

/**
 * A spare's fork image (spare.ts awaitFork's fds: the memfd, then passedFds' in order, at
 * the spare's own numbers; `read`: the memfd's readJobFile), its fds renumbered as the
 * spare received them.
 */
export function forkImageFromSpare(read: { job: object; bytesAt: number }, received: readonly number[]): { image: ForkImage; fd: number; bytesAt: number } {
  const image = read.job as ForkImage;
  const renumber = new Map(passedFds(image).map((host, i) => [host, received[i + 1]]));
  for (const f of image.process.fds) f.host = renumber.get(f.host) ?? -1;
  image.process.fds = image.process.fds.filter((f) => f.host >= 0);
  for (const m of image.maps) if (m.shared) m.shared.fd = renumber.get(m.shared.fd) ?? -1;
  return { image, fd: received[0], bytesAt: read.bytesAt };
}

function writeAll(lc: HostLibc, fd: number, buf: Uint8Array, off: number, len: number, pos: number): number {
  for (let done = 0; done < len; ) done += lc.write(fd, buf, off + done, len - done, pos + done);
  return pos + len;
}

/** Reads a fork image from the memfd `value` (HANDOVER_VAR's, fork:N) names, leaving the fd open for restoreMemory. */
export function readForkImage(value: string): { image: ForkImage; fd: number; bytesAt: number } {
  const fd = Number(/^fork:(\d+)$/.exec(value)![1]);
  const { job, bytesAt } = readJobFile(fd);
  return { image: job as ForkImage, fd, bytesAt };
}

/** The child's address space and memory as the parent's were (then closes the image's fd). */
export function restoreMemory(as: AddressSpace, mem: GuestMemory, image: ForkImage, fd: number, bytesAt: number): void {
  // a shared mapping maps its host object again: one object per fd, however many mappings share it
  const objects = new Map<number, SharedObject>();
  if (image.maps.some((m) => m.shared)) as.backing ??= sharedBacking(mem);
  for (const m of image.maps) {
    const obj = m.shared && m.shared.fd >= 0 && as.backing ? objects.get(m.shared.fd) ?? { fd: m.shared.fd } : undefined;
    if (obj) objects.set(obj.fd, obj);
    as.mapFixed(m.start, m.end - m.start, m.prot, m.name, m.offset, m.locked ?? false, obj);
  }
  as.brkStart = image.brk.start;
  as.brkCur = image.brk.cur;
  as.mmapTop = image.mmapTop;
  as.lockFuture = image.lockFuture;
  let pos = bytesAt;
  const size = fstatSync(fd).size;
  for (const [start, len] of image.runs) {
    for (let got = 0; got < len && pos + got < size; ) {
      const n = readSync(fd, mem.u8, start + got, len - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    mem.markDirty(start, len);
    pos += len;
  }
  closeSync(fd);
}

/**
 * A new process's registers, from its parent's at the call (in the env block at `env`):
 * the call returns 0, past the syscall instruction; clone's stack (0: the same) and TLS (null: the same).
 */
export function childRegisters(dv: DataView, target: LinuxTarget, env: number, stack: bigint, tls: bigint | null): void {
  dv.setBigUint64(env + target.syscall.args, 0n, true); // the call's result in the child
  dv.setBigUint64(env + ENV.PC, dv.getBigUint64(env + ENV.PC, true) + BigInt(target.syscall.insnLength), true);
  if (stack !== 0n) dv.setBigUint64(env + target.threadRegs.sp, stack, true);
  if (tls !== null) dv.setBigUint64(env + target.threadRegs.tls, tls, true);
}

/** The child's process state and registers from the image: fork returns 0 there. */
export function restoreProcess(p: LinuxProcess, target: LinuxTarget, env: number, image: ForkImage): void {
  const regs = Buffer.from(image.env, 'base64');
  p.mem.u8.set(regs, env);
  childRegisters(p.mem.dv, target, env, BigInt(image.stack), image.tls === null ? null : BigInt(image.tls));
  for (const [sig, handler, flags, restorer, mask] of image.sigactions) {
    const action: KSigaction = { handler: BigInt(handler), flags: BigInt(flags), restorer: BigInt(restorer), mask: BigInt(mask) };
    p.sigactions.set(sig, action);
  }
  const alt: StackT = { sp: BigInt(image.altstack.sp), flags: image.altstack.flags, size: BigInt(image.altstack.size) };
  p.thread.altstack = alt;
  p.sigtramp = image.sigtramp === null ? undefined : BigInt(image.sigtramp);
  p.layout = image.layout;
  p.auxv = Buffer.from(image.auxv, 'base64');
  p.comm = Buffer.from(image.comm, 'base64');
  p.machine = image.machine;
  const setTid = BigInt(image.setTid);
  if (setTid !== 0n) {
    const tid = new Uint8Array(4);
    new DataView(tid.buffer).setInt32(0, p.pid, true);
    p.mem.writeBytes(setTid, tid);
  }
  p.thread.clearChildTid = BigInt(image.clearTid);
}
