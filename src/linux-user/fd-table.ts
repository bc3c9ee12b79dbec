// The guest's file descriptor table. A guest fd points at an OpenFile (Linux's "open
// file description": the file system and handle it was opened in, status flags, file
// offset, directory listing, bytes read ahead), which dup'ed fds share; close-on-exec
// belongs to the fd itself. Guest fds are numbered independently of host fds; guest
// 0/1/2 start out as the host's 0/1/2.

import type { DirEntry, FileKind, FileSystem } from './vfs/filesystem.js';

export type { DirEntry, FileKind } from './vfs/filesystem.js';

export class OpenFile {
  /** How many guest fds point here; the host fd is closed when the last goes. */
  refs = 0;
  /** Directory listing snapshot for getdents64, taken at the first read or after a rewind. */
  dirEntries: DirEntry[] | null = null;
  /**
   * Bytes ppoll read ahead from a pipe or terminal to learn that it was readable; reads
   * return them first. Empty: the probe met end of file, which the next read returns.
   */
  lookahead: Uint8Array | null = null;

  constructor(
    /** The file system the handle belongs to: its reads, writes and fstat go there. */
    readonly fs: FileSystem,
    /** The file system's handle (a host fd for the host's). */
    readonly handle: number,
    /** Host path it was opened by ("" when unknown, e.g. inherited stdio). */
    readonly path: string,
    /** Guest access mode + status flags, in the guest ABI's encoding (what F_GETFL returns). */
    public flags: number,
    readonly kind: FileKind,
    /**
     * Our own file offset, used with positional host I/O (Node has no lseek). null: use the
     * host fd's offset (inherited stdio, pipes, ttys), so what we write lands where the
     * shell that shares the fd expects it. For directories: the getdents64 cookie.
     */
    public pos: number | null,
    /** false for host 0/1/2, which stay open for the emulator's own output. */
    readonly ownsHandle: boolean,
  ) {}

  /**
   * The host fd, for what only the host can do with a file (poll, ioctl, record locks,
   * sockets, splice); -1 when the file lives in another file system.
   */
  get hostFd(): number {
    return this.fs.hostFds ? this.handle : -1;
  }

  release(): void {
    if (--this.refs === 0 && this.ownsHandle && this.handle >= 0) {
      try {
        this.fs.close(this.handle);
      } catch {
        // already gone on the host: nothing the guest can be told
      }
    }
  }
}

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

export class FdTable {
  private readonly fds: (FdEntry | undefined)[] = [];

  get(fd: number): FdEntry | undefined {
    return Number.isInteger(fd) && fd >= 0 ? this.fds[fd] : undefined;
  }

  /** The open fd numbers, in order. */
  numbers(): number[] {
    const out: number[] = [];
    this.fds.forEach((e, fd) => {
      if (e) out.push(fd);
    });
    return out;
  }

  /** The lowest free fd ≥ min and < limit, or -1 (EMFILE). */
  lowestFree(min: number, limit: number): number {
    for (let fd = min; fd < limit; fd++) if (!this.fds[fd]) return fd;
    return -1;
  }

  /** Puts `file` at `fd`, closing what was there (dup3 semantics). */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    const old = this.fds[fd];
    file.refs++;
    this.fds[fd] = { file, cloexec };
    old?.file.release();
  }

  /** Puts `file` at the lowest free fd ≥ min below limit; -1 when full. */
  install(file: OpenFile, cloexec: boolean, limit: number, min = 0): number {
    const fd = this.lowestFree(min, limit);
    if (fd >= 0) this.installAt(fd, file, cloexec);
    return fd;
  }

  close(fd: number): boolean {
    const e = this.get(fd);
    if (!e) return false;
    this.fds[fd] = undefined;
    e.file.release();
    return true;
  }

  /** Open guest fds, ascending. */
  list(): number[] {
    const out: number[] = [];
    this.fds.forEach((e, i) => e && out.push(i));
    return out;
  }
}
