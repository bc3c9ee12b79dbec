// MAP_SHARED file mappings. Guest memory is one WebAssembly memory, so a file cannot be
// mapped into it: the mapping holds a copy of the file's pages, and what the guest writes
// there reaches the file when it calls msync, when it unmaps (or maps over) the range, and
// when the process ends, however it ends (Linux writes dirty shared pages back even for a
// killed process). Between those points another process reading the file, or mapping it,
// does not see the writes (on Linux it would). Each mapping holds a reference to the open
// file (as a vma holds its struct file), so the guest may close its fd after mmap.

import type { OpenFile } from './fd-table.js';
import type { GuestMemory } from '../memory/guest-memory.js';

interface SharedMapping {
  start: number;
  end: number;
  /** File offset of `start`. */
  offset: number;
  /** Open for writing; one reference per mapping record. */
  file: OpenFile;
}

export class SharedFileMappings {
  private maps: SharedMapping[] = [];

  constructor(private readonly mem: GuestMemory) {}

  get size(): number {
    return this.maps.length;
  }

  /** Records [start, end) as a shared mapping of `file` (open for writing) at `offset`. */
  add(start: number, end: number, file: OpenFile, offset: number): void {
    file.refs++;
    this.maps.push({ start, end, offset, file });
  }

  /** Writes the guest's copy of [start, end) back to the files it maps (within each file's size). */
  flush(start: number, end: number): void {
    for (const m of this.maps) {
      const lo = Math.max(start, m.start);
      const hi = Math.min(end, m.end);
      if (lo >= hi) continue;
      const at = m.offset + (lo - m.start);
      // Pages past the end of the file are not the file's: nothing of them is written.
      const { fs, handle } = m.file;
      const n = Math.min(hi - lo, Number(fs.fstat(handle).size) - at);
      for (let done = 0; done < n; ) done += fs.write(handle, this.mem.u8, lo + done, n - done, at + done, false);
    }
  }

  /** [start, end) is going away (munmap, a mapping over it): writes it back, then forgets it. */
  remove(start: number, end: number): void {
    this.flush(start, end);
    const kept: SharedMapping[] = [];
    for (const m of this.maps) {
      if (m.end <= start || m.start >= end) {
        kept.push(m);
        continue;
      }
      const parts: SharedMapping[] = [];
      if (m.start < start) parts.push({ ...m, end: start });
      if (m.end > end) parts.push({ ...m, start: end, offset: m.offset + (end - m.start) });
      m.file.refs += parts.length;
      m.file.release();
      kept.push(...parts);
    }
    this.maps = kept;
  }

  /** The process is ending: everything is written back. */
  flushAll(): void {
    for (const m of this.maps) this.flush(m.start, m.end);
  }
}
