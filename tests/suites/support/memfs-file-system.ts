// A test double for the VFS seam: a FileSystem (src/linux-user/vfs/filesystem.ts) over a
// memfs Volume, just wide enough for vfs-seam.test.ts to show that the file syscalls reach
// files only through the seam. Not the sandbox's backend: no xattrs, no statfs, no
// special files, no rename flags, times kept to the millisecond by memfs.

import { Volume } from 'memfs';
import type { DirEntry, FileKind } from '../../../src/linux-user/fd-table.js';
import type { FileStat, FileSystem } from '../../../src/linux-user/vfs/filesystem.js';
import { DT } from '../../../src/linux-user/generic/constants.js';

const errno = (code: string): Error => Object.assign(new Error(code), { code });
const ms = (ns: bigint): number => Number(ns / 1_000_000n) / 1000;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

export function memfsFileSystem(files: Record<string, string>): { fs: FileSystem; vol: Volume } {
  const vol = Volume.fromJSON(files);
  const stat = (path: string, follow: boolean): FileStat =>
    (follow ? vol.statSync(path, { bigint: true }) : vol.lstatSync(path, { bigint: true })) as unknown as FileStat;
  const kind = (st: FileStat): FileKind => (st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'chr');
  const fs: FileSystem = {
    hostFds: false,
    open: (path, flags, mode) => vol.openSync(path, flags, mode),
    stat,
    access: (path, mode) => vol.accessSync(path, mode),
    realpath: (path) => String(vol.realpathSync(path)),
    readdir(path) {
      const out: DirEntry[] = [
        { name: Buffer.from('.'), ino: stat(path, true).ino, type: DT.DIR },
        { name: Buffer.from('..'), ino: stat(`${path}/..`, true).ino, type: DT.DIR },
      ];
      for (const name of vol.readdirSync(path) as string[]) {
        const st = stat(`${path}/${name}`, false);
        out.push({ name: Buffer.from(name), ino: st.ino, type: st.isDirectory() ? DT.DIR : st.isSymbolicLink() ? DT.LNK : DT.REG });
      }
      return out;
    },
    readlink: (path) => Buffer.from(String(vol.readlinkSync(path))),
    mkdir: (path, mode) => vol.mkdirSync(path, { mode }),
    rmdir: (path) => vol.rmdirSync(path),
    unlink: (path) => vol.unlinkSync(path),
    rename(from, to, flags) {
      if (flags) throw errno('EINVAL');
      vol.renameSync(from, to);
    },
    symlink: (target, path) => vol.symlinkSync(target, path),
    link: (from, to) => vol.linkSync(from, to),
    linkHandle: () => {
      throw errno('ENOSYS');
    },
    mknod(path, mode) {
      if ((mode & S_IFMT) !== S_IFREG) throw errno('EPERM');
      vol.closeSync(vol.openSync(path, 'wx', mode & 0o7777));
    },
    chmod: (path, mode) => vol.chmodSync(path, mode),
    chown: (path, uid, gid) => vol.chownSync(path, uid, gid),
    utimes: (path, atime, mtime) => vol.utimesSync(path, ms(atime), ms(mtime)),
    truncate: (path, len) => vol.truncateSync(path, len),
    statfs: () => null,
    sync: () => {},
    xattrs: () => null,
    close: (h) => vol.closeSync(h),
    fstat: (h) => vol.fstatSync(h, { bigint: true }) as unknown as FileStat,
    kindOf: (h) => kind(vol.fstatSync(h, { bigint: true }) as unknown as FileStat),
    read: (h, dst, off, len, position) => vol.readSync(h, dst, off, len, position),
    write: (h, src, off, len, position) => vol.writeSync(h, src, off, len, position ?? undefined),
    fchmod: (h, mode) => vol.fchmodSync(h, mode),
    fchown: (h, uid, gid) => vol.fchownSync(h, uid, gid),
    futimes: (h, atime, mtime) => vol.futimesSync(h, ms(atime), ms(mtime)),
    ftruncate: (h, len) => vol.ftruncateSync(h, len),
    fsync: (h) => vol.fsyncSync(h),
    fallocate: () => {
      throw errno('EOPNOTSUPP');
    },
    fstatfs: () => null,
    syncfs: () => {},
  };
  return { fs, vol };
}
