// The persistent translation cache: the tier-0 programs of the guest blocks one run
// translated (hostbackend/tier0/program.ts), kept in a file so that the next run of the same
// program installs them instead of translating its start-up code again (decoding,
// building IR and flattening it, as cold JavaScript, was most of a short run's time).
//
// One file per (emulator build, guest architecture, block-size limit, helper numbering,
// program file); a record holds a block's program (which starts with its pc), the guest
// bytes it was translated from and a checksum. A record is used only where guest memory holds exactly those
// bytes, on pages that are executable and not writable — so a changed program, another
// load address or self-modifying code simply misses and is translated afresh — and only
// if its checksum holds. Only blocks on such pages are recorded (program text, not JIT
// output). The file is rewritten at the end of a run that translated anything new,
// through a temporary file and a rename, so concurrent runs never see half a file; a file
// made by another build is another file, and one that is damaged is ignored record by record.

import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuestMemory } from '../memory/guest-memory.js';
import { PAGE_SHIFT, PAGE_SIZE, PERM } from '../memory/layout.js';
import type { HelperRegistry } from './helpers.js';
import { programParts, readProgram, type Tier0Program } from '../hostbackend/tier0/program.js';

const MAGIC = 0x33435451; // "QTC3"
/** Bytes a cache file may grow to; blocks beyond it are not recorded. */
const MAX_FILE_BYTES = 32 << 20;

/** What a cache file is for: everything a block's program depends on besides its bytes. */
export interface TranslationCacheKey {
  /** Identifies the emulator build (translators, program format). */
  readonly build: string;
  readonly arch: string;
  readonly maxInsns: number;
  /** The program file: path, size, modification time and inode (programKey). */
  readonly program: string;
}

/** FNV-1a over a string, 52 bits, as hex: names the file of a key. */
function hashName(s: string): string {
  let lo = 0x811c9dc5;
  let hi = 0x0100_0193;
  for (let i = 0; i < s.length; i++) {
    lo = Math.imul(lo ^ s.charCodeAt(i), 0x0100_0193) >>> 0;
    hi = Math.imul(hi ^ (lo >>> 7), 0x01b3) >>> 0;
  }
  return (hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0');
}

/** Cache files not used for this long are removed (other builds', programs since gone). */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes the directory's cache files not used for STALE_MS (a run that loads a file marks
 * it with the time), and partial files older than a day (a run that died while writing).
 * Runs after a save, so only when something was translated: first runs, not warm ones.
 */
function pruneStale(dir: string): void {
  const now = Date.now();
  try {
    for (const name of readdirSync(dir)) {
      if (!/\.tc(\.\d+)?$/.test(name)) continue;
      const path = join(dir, name);
      const age = now - statSync(path).mtimeMs;
      if (age > STALE_MS || (!name.endsWith('.tc') && age > 24 * 3600 * 1000)) unlinkSync(path);
    }
  } catch {
    // Someone else pruned first, or the directory is not ours to clean: leave it.
  }
}

/** Words before a record's program: its length and the checksum of the rest. */
const REC_HEADER = 2;

/** FNV-1a over words [from, to): catches a record damaged on disk. */
function checksum(w: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ w[i], 0x0100_0193);
  return h;
}

/** The key of a program file, or undefined if it cannot be stat'ed. */
export function programKey(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${path}\0${st.size}\0${st.mtimeMs}\0${st.ino}`;
  } catch {
    return undefined;
  }
}

export class TranslationStore {
  /** The loaded file as words (empty if there was none). */
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** pc → index of its record in `words`. */
  private readonly index = new Map<number, number>();
  /** Blocks translated by this run, to be written by save(): their guest bytes (as words) and program. */
  private readonly fresh: { bytes: number[]; parts: ReturnType<typeof programParts> }[] = [];
  private readonly freshPcs = new Set<number>();
  /** Words the fresh records will take. */
  private freshWords = 0;
  private readonly header: number[];
  private readonly file: string;
  /** Counters for -d stats. */
  readonly stats = { loaded: 0, used: 0, recorded: 0 };

  constructor(
    private readonly dir: string,
    private readonly mem: GuestMemory,
    key: TranslationCacheKey,
    helpers: HelperRegistry,
  ) {
    // Programs name helpers by number: the numbering (the registered names in order) is part of the key.
    const helperNames = hashName(helpers.all.map((h) => h.name).join(','));
    const keyText = `${key.build}\0${key.arch}\0${key.maxInsns}\0${helperNames}\0${key.program}`;
    this.file = join(dir, `${key.arch}-${hashName(keyText)}.tc`);
    const keyWords = Array.from(keyText, (c) => c.charCodeAt(0));
    this.header = [MAGIC, keyWords.length, ...keyWords];
    this.load();
  }

  private load(): void {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return;
    }
    if (buf.length % 4 !== 0) return;
    const w = buf.byteOffset % 4 === 0 ? new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2) : new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    const h = this.header;
    if (w.length < h.length) return;
    for (let i = 0; i < h.length; i++) if (w[i] !== h[i]) return;
    // Records: length in words, checksum of the rest, the program (which starts with its pc,
    // lo and hi, and its byte count), the guest bytes (4 per word). A record whose length
    // does not fit ends the list.
    this.words = w;
    // Marks the file as in use, so that pruneStale leaves it while its program still runs.
    try {
      const now = new Date();
      utimesSync(this.file, now, now);
    } catch {
      // A read-only cache: nothing prunes it either.
    }
    for (let at = h.length; at < w.length; ) {
      const len = w[at];
      if (len < REC_HEADER + 4 || at + len > w.length) break;
      const pc = (w[at + REC_HEADER + 1] >>> 0) * 0x1_0000_0000 + (w[at + REC_HEADER] >>> 0);
      if (!this.index.has(pc)) this.index.set(pc, at);
      at += len;
    }
    this.stats.loaded = this.index.size;
  }

  /**
   * The recorded program of the block at pc, if guest memory holds the bytes it was
   * translated from on executable, non-writable pages; otherwise undefined (translate it
   * afresh). A record that does not read back as a valid program is dropped.
   */
  take(pc: number): Tier0Program | undefined {
    const at = this.index.get(pc);
    if (at === undefined) return undefined;
    const w = this.words;
    const end = at + w[at];
    const size = w[at + REC_HEADER + 2];
    const bytesAt = end - ((size + 3) >> 2);
    if (!(size > 0 && bytesAt > at + REC_HEADER) || !this.stable(pc, size)) return undefined;
    // The guest bytes first (the cheap test that decides most misses), then the checksum.
    const u8 = this.mem.u8;
    for (let i = 0; i < size; i++) {
      if (u8[pc + i] !== ((w[bytesAt + (i >> 2)] >>> (8 * (i & 3))) & 0xff)) return undefined;
    }
    try {
      if (checksum(w, at + REC_HEADER, end) !== w[at + 1]) throw new Error('checksum');
      const program = readProgram(w, at + REC_HEADER, bytesAt);
      this.stats.used++;
      return program;
    } catch {
      // A damaged record: forget it (a fresh translation will be recorded instead).
      this.index.delete(pc);
      return undefined;
    }
  }

  /** Records the program of a block this run translated (if its pages are program text). */
  note(b: Tier0Program): void {
    if (b.size <= 0 || this.freshPcs.has(b.pc) || !this.stable(b.pc, b.size)) return;
    if ((this.words.length + this.freshWords) * 4 > MAX_FILE_BYTES) return;
    // The bytes now: by the end of the run the page may have been made writable and changed.
    const u8 = this.mem.u8;
    const bytes: number[] = [];
    for (let i = 0; i < b.size; i += 4) {
      bytes.push(u8[b.pc + i] | (u8[b.pc + i + 1] << 8) | (u8[b.pc + i + 2] << 16) | (u8[b.pc + i + 3] << 24));
    }
    const parts = programParts(b);
    this.fresh.push({ bytes, parts });
    this.freshWords += REC_HEADER + bytes.length + parts.head.length + parts.code.length + parts.tail.length;
    this.freshPcs.add(b.pc);
    this.stats.recorded++;
  }

  /** Writes the file if this run recorded anything: the loaded records not replaced, then the new ones. */
  save(): void {
    if (this.fresh.length === 0) return;
    const keep: Int32Array[] = [];
    let n = this.header.length + this.freshWords;
    for (const [pc, at] of this.index) {
      if (this.freshPcs.has(pc)) continue;
      const rec = this.words.subarray(at, at + this.words[at]);
      keep.push(rec);
      n += rec.length;
    }
    const out = new Int32Array(n);
    out.set(this.header, 0);
    let at = this.header.length;
    for (const rec of keep) {
      out.set(rec, at);
      at += rec.length;
    }
    for (const { bytes, parts } of this.fresh) {
      const start = at;
      at += REC_HEADER;
      for (const part of [parts.head, parts.code, parts.tail, bytes]) {
        out.set(part, at);
        at += part.length;
      }
      out[start] = at - start;
      out[start + 1] = checksum(out, start + REC_HEADER, at);
    }
    const partial = `${this.file}.${process.pid}`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(partial, out);
      renameSync(partial, this.file);
    } catch {
      // A read-only or full cache directory: the next run translates afresh.
      return;
    }
    pruneStale(this.dir);
  }

  /** Every page of [pc, pc + size) is executable and not writable. */
  private stable(pc: number, size: number): boolean {
    for (let p = pc >>> PAGE_SHIFT, last = (pc + size - 1) >>> PAGE_SHIFT; p <= last; p++) {
      const perm = this.mem.perm(p * PAGE_SIZE);
      if ((perm & PERM.EXEC) === 0 || perm & PERM.WRITE) return false;
    }
    return true;
  }
}
