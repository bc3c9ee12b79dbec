// The persistent translation cache: the tier-0 programs of the guest blocks one run
// translated (hostbackend/tier0/program.ts), and the compiled images (wasm modules) of the
// regions it promoted, kept in a file so that the next run of the same program installs
// them instead of translating its start-up code again (decoding, building IR and
// flattening it, as cold JavaScript, was most of a short run's time) — and runs a region
// that was hot last time compiled from the start, instead of interpreting it a thousand
// times and compiling it again.
//
// One file per (emulator build, guest architecture, block-size limit, helper numbering,
// program file, and whether compiled code counts instructions for -d stats: its images
// differ, and a run of the other kind would replace them in a shared file at every turn). A record is a block's program (which starts with its pc) or a region's
// image with its blocks' pcs and sizes (the entry block first), then the guest bytes they
// were translated from, and a checksum. A record is used only where guest memory holds exactly
// those bytes, on pages that are executable and not writable — so a changed program,
// another load address or self-modifying code simply misses and is translated afresh —
// and only if its checksum holds (and, for an image, the backend's image tag is the same).
// Only blocks on such pages are recorded (program text, not JIT output). The file is
// rewritten at the end of a run that translated anything new, through a temporary file
// and a rename, so concurrent runs never see half a file, with what other runs saved
// meanwhile; a file made by another build is
// another file, and one that is damaged is ignored record by record.

import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuestMemory } from '../memory/guest-memory.js';
import { addrFromHalves, hi32, lo32, PAGE_SHIFT, PAGE_SIZE, PERM } from '../memory/layout.js';
import type { HelperRegistry } from './helpers.js';
import type { RegionImage } from '../hostbackend/backend.js';
import { programParts, readProgram, type Tier0Program } from '../hostbackend/tier0/program.js';

const MAGIC = 0x36435451; // "QTC6"
/** Bytes a cache file may grow to; blocks beyond it are not recorded. */
const MAX_FILE_BYTES = 32 << 20;

/** What a cache file is for: everything a block's program depends on besides its bytes. */
export interface TranslationCacheKey {
  /** Identifies the emulator build (translators, program format). */
  readonly build: string;
  readonly arch: string;
  readonly maxInsns: number;
  /** The program file: device, inode, size and modification time (programKey). */
  readonly program: string;
  /**
   * Translated for a process running several threads (layout.ts parallelTranslation): its
   * blocks order memory for the others (a store-release is an atomic exchange), so they are
   * kept in a file of their own, taken once the process has started a thread.
   */
  readonly parallel: boolean;
  /** Compiled code counts instructions (-d stats): its images are of another kind. */
  readonly counting?: boolean;
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

/**
 * Words before a record's payload: its length, the checksum of the rest, its kind. Both
 * kinds' payloads start with a pc (lo, hi): the block's, or the region's entry.
 *   KIND_BLOCK:  program (pc lo, pc hi, size, ...), guest bytes
 *   KIND_REGION: entry lo, entry hi, block count n, image needs, image part, bytes of
 *                the image here (0: in another record), image length, image hash,
 *                entry lo and hi of the record holding the image,
 *                n × (pc lo, pc hi, size), [image,] each block's guest bytes
 * Regions the compile worker compiled together share one module (image): the first
 * region's record holds its bytes, the others name that record, and take the image only
 * if its length and hash are the same (a record replaced since holds another).
 * Bytes are packed 4 to a word, little-endian, each run padded to a whole word.
 */
const REC_HEADER = 3;
const KIND_BLOCK = 0;
const KIND_REGION = 1;
/** Words of a region record's payload before its block list. */
const REGION_HEAD = 10;

/** A region's image as the store keeps it: the blocks it was compiled from (entry first). */
export interface StoredRegion {
  readonly blocks: readonly { pc: number; size: number }[];
  readonly image: RegionImage;
}

/** Packs bytes 4 to a word (little-endian; the last word padded with zeros) onto `out`. */
function pushBytes(out: number[], bytes: ArrayLike<number>, from: number, length: number): void {
  for (let i = 0; i < length; i += 4) {
    let word = 0;
    for (let k = 0; k < 4 && i + k < length; k++) word |= bytes[from + i + k] << (8 * k);
    out.push(word);
  }
}

/** Whether the bytes packed at words[at...] equal guest memory [from, from + length). */
function sameBytes(words: Int32Array, at: number, dv: DataView, from: number, length: number): boolean {
  // A word at a time through the DataView (pcs need not be 4-aligned), then the last bytes:
  // this runs unoptimized, once for each block a run takes, where a loop over bytes costs
  // several times more.
  const whole = length >> 2;
  for (let k = 0; k < whole; k++) if (dv.getInt32(from + 4 * k, true) !== words[at + k]) return false;
  for (let i = whole * 4; i < length; i++) {
    if (dv.getUint8(from + i) !== ((words[at + (i >> 2)] >> (8 * (i & 3))) & 0xff)) return false;
  }
  return true;
}

const wordsOf = (bytes: number): number => (bytes + 3) >> 2;

/** FNV-1a over words [from, to): catches a record damaged on disk. */
function checksum(w: ArrayLike<number>, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ w[i], 0x0100_0193);
  return h;
}

/**
 * The key of a program file, or undefined if it cannot be stat'ed: the file itself (device,
 * inode, size, modification time), not the path it was named by, so that `./prog`,
 * `/abs/path/prog` and a run through binfmt_misc share one cache.
 */
export function programKey(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}\0${st.ino}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export class TranslationStore {
  /** The loaded file as words (empty if there was none). */
  private words: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Per kind, pc → index of its record in `words`. */
  private readonly index = [new Map<number, number>(), new Map<number, number>()];
  /** Records made by this run, to be written by save(): kind and payload, by kind and pc. */
  private readonly fresh = [new Map<number, number[]>(), new Map<number, number[]>()];
  /** The images this run recorded, by their bytes: the region whose record holds them, and their hash. */
  private readonly imageHolders = new WeakMap<Uint8Array, { entry: number; hash: number }>();
  /** Words the fresh records will take. */
  private freshWords = 0;
  private readonly header: number[];
  private readonly file: string;
  /** Counters for -d stats. */
  readonly stats = { loaded: 0, used: 0, recorded: 0, regionsLoaded: 0, regionsUsed: 0, regionsRecorded: 0 };

  constructor(
    private readonly dir: string,
    private readonly mem: GuestMemory,
    key: TranslationCacheKey,
    helpers: HelperRegistry,
  ) {
    // Programs name helpers by number: the numbering (the registered names in order) is part of the key.
    const helperNames = hashName(helpers.all.map((h) => h.name).join(','));
    const keyText = `${key.build}\0${key.arch}\0${key.maxInsns}\0${helperNames}\0${key.program}${key.parallel ? '\0parallel' : ''}${key.counting ? '\0counting' : ''}`;
    this.file = join(dir, `${key.arch}-${hashName(keyText)}.tc`);
    const keyWords = Array.from(keyText, (c) => c.charCodeAt(0));
    this.header = [MAGIC, keyWords.length, ...keyWords];
    this.load();
  }

  private load(): void {
    const file = this.readFile();
    if (!file) return;
    this.words = file.words;
    file.index.forEach((index, kind) => index.forEach((at, pc) => this.index[kind].set(pc, at)));
    // Marks the file as in use, so that pruneStale leaves it while its program still runs.
    try {
      const now = new Date();
      utimesSync(this.file, now, now);
    } catch {
      // A read-only cache: nothing prunes it either.
    }
    this.stats.loaded = this.index[KIND_BLOCK].size;
    this.stats.regionsLoaded = this.index[KIND_REGION].size;
  }

  /** The file's words and, per kind, pc → index of its record, if the file is there and has this key's header. */
  private readFile(): { words: Int32Array<ArrayBufferLike>; index: Map<number, number>[] } | undefined {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return undefined;
    }
    if (buf.length % 4 !== 0) return undefined;
    const w = buf.byteOffset % 4 === 0 ? new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2) : new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
    const h = this.header;
    if (w.length < h.length) return undefined;
    for (let i = 0; i < h.length; i++) if (w[i] !== h[i]) return undefined;
    // Records (see REC_HEADER); one whose length does not fit ends the list.
    const index = [new Map<number, number>(), new Map<number, number>()];
    for (let at = h.length; at < w.length; ) {
      const len = w[at];
      if (len < REC_HEADER + 4 || at + len > w.length) break;
      const byPc = index[w[at + 2]];
      const pc = addrFromHalves(w[at + REC_HEADER], w[at + REC_HEADER + 1]);
      if (byPc !== undefined && !byPc.has(pc)) byPc.set(pc, at);
      at += len;
    }
    return { words: w, index };
  }

  /**
   * The recorded program of the block at pc, if guest memory holds the bytes it was
   * translated from on executable, non-writable pages; otherwise undefined (translate it
   * afresh). A record that does not read back as a valid program is dropped.
   */
  take(pc: number): Tier0Program | undefined {
    const at = this.index[KIND_BLOCK].get(pc);
    if (at === undefined) return undefined;
    const w = this.words;
    const end = at + w[at];
    const size = w[at + REC_HEADER + 2];
    const bytesAt = end - wordsOf(size);
    if (!(size > 0 && bytesAt > at + REC_HEADER) || !this.stable(pc, size)) return undefined;
    // The guest bytes first (the cheap test that decides most misses), then the checksum.
    if (!sameBytes(w, bytesAt, this.mem.dv, pc, size)) return undefined;
    try {
      if (checksum(w, at + 2, end) !== w[at + 1]) throw new Error('checksum');
      const program = readProgram(w, at + REC_HEADER, bytesAt);
      this.stats.used++;
      return program;
    } catch {
      // A damaged record: forget it (a fresh translation will be recorded instead).
      this.index[KIND_BLOCK].delete(pc);
      return undefined;
    }
  }

  /**
   * The recorded image of the region entered at pc, if guest memory holds the bytes of all
   * its blocks on executable, non-writable pages; otherwise undefined.
   */
  takeRegion(pc: number): StoredRegion | undefined {
    const at = this.index[KIND_REGION].get(pc);
    if (at === undefined) return undefined;
    const w = this.words;
    const end = at + w[at];
    const p = at + REC_HEADER;
    const count = w[p + 2];
    const imageBytes = w[p + 5];
    const listAt = p + REGION_HEAD;
    if (count <= 0 || imageBytes < 0 || listAt + 3 * count + wordsOf(imageBytes) > end) return undefined;
    const blocks: { pc: number; size: number }[] = [];
    let bytesAt = listAt + 3 * count + wordsOf(imageBytes);
    for (let i = 0; i < count; i++) {
      const q = listAt + 3 * i;
      const block = { pc: addrFromHalves(w[q], w[q + 1]), size: w[q + 2] };
      if (block.size <= 0 || bytesAt + wordsOf(block.size) > end || !this.stable(block.pc, block.size)) return undefined;
      if (!sameBytes(w, bytesAt, this.mem.dv, block.pc, block.size)) return undefined;
      bytesAt += wordsOf(block.size);
      blocks.push(block);
    }
    if (bytesAt !== end || blocks[0].pc !== pc) return undefined;
    if (checksum(w, at + 2, end) !== w[at + 1]) {
      this.index[KIND_REGION].delete(pc);
      return undefined;
    }
    const bytes = imageBytes > 0 ? this.imageBytes(listAt + 3 * count, imageBytes) : this.sharedImage(w[p + 6], w[p + 7], addrFromHalves(w[p + 8], w[p + 9]));
    if (bytes === undefined) return undefined;
    return { blocks, image: { bytes, needs: w[p + 3], part: w[p + 4] } };
  }

  /** A copy of `length` image bytes packed at words[at...]. */
  private imageBytes(at: number, length: number): Uint8Array<ArrayBuffer> {
    const w = this.words;
    return new Uint8Array(w.buffer.slice(w.byteOffset + at * 4, w.byteOffset + at * 4 + length) as ArrayBuffer);
  }

  /** The image another region's record holds (the record entered at `owner`), if it has that length and hash. */
  private sharedImage(length: number, hash: number, owner: number): Uint8Array<ArrayBuffer> | undefined {
    const at = this.index[KIND_REGION].get(owner);
    if (at === undefined || length <= 0) return undefined;
    const w = this.words;
    const p = at + REC_HEADER;
    const imageAt = p + REGION_HEAD + 3 * w[p + 2];
    if (w[p + 5] !== length || w[p + 7] !== hash || imageAt + wordsOf(length) > at + w[at]) return undefined;
    if (checksum(w, imageAt, imageAt + wordsOf(length)) !== hash) return undefined;
    return this.imageBytes(imageAt, length);
  }

  /** Records the program of a block this run translated (if its pages are program text). */
  note(b: Tier0Program): void {
    if (b.size <= 0 || this.fresh[KIND_BLOCK].has(b.pc) || !this.stable(b.pc, b.size)) return;
    // The bytes now: by the end of the run the page may have been made writable and changed.
    const parts = programParts(b);
    const payload = [KIND_BLOCK, ...parts.head, ...parts.code, ...parts.tail];
    pushBytes(payload, this.mem.u8, b.pc, b.size);
    if (this.add(KIND_BLOCK, b.pc, payload)) this.stats.recorded++;
  }

  /** Records the image of a region this run compiled, entered at blocks[0] (if all its blocks are program text). */
  noteRegion(blocks: readonly { pc: number; size: number }[], image: RegionImage): void {
    const entry = blocks[0].pc;
    if (this.fresh[KIND_REGION].has(entry) || blocks.some((b) => b.size <= 0 || !this.stable(b.pc, b.size))) return;
    // The first region of a module holds its bytes; the others name that region's record.
    const holder = this.imageHolders.get(image.bytes);
    const inline = holder === undefined;
    const imageWords: number[] = [];
    if (inline) pushBytes(imageWords, image.bytes, 0, image.bytes.length);
    const hash = inline ? checksum(imageWords, 0, imageWords.length) : holder.hash;
    const owner = inline ? entry : holder.entry;
    const payload = [KIND_REGION, lo32(entry), hi32(entry), blocks.length, image.needs, image.part, inline ? image.bytes.length : 0,
      image.bytes.length, hash, lo32(owner), hi32(owner)];
    for (const b of blocks) payload.push(lo32(b.pc), hi32(b.pc), b.size);
    for (const word of imageWords) payload.push(word);
    for (const b of blocks) pushBytes(payload, this.mem.u8, b.pc, b.size);
    if (!this.add(KIND_REGION, entry, payload)) return;
    this.stats.regionsRecorded++;
    if (inline) this.imageHolders.set(image.bytes, { entry, hash });
  }

  /** Keeps a fresh record for save() if the file stays within MAX_FILE_BYTES. */
  private add(kind: number, pc: number, payload: number[]): boolean {
    const words = payload.length + REC_HEADER - 1;
    if ((this.words.length + this.freshWords + words) * 4 > MAX_FILE_BYTES) return false;
    this.fresh[kind].set(pc, payload);
    this.freshWords += words;
    return true;
  }

  /**
   * The most guest threads the program's runs have had at once, the first included (1 when
   * none started any, or nothing is known), kept in a small file beside this cache's, so
   * that a run can start their workers ahead (linux-user/threads.ts ThreadWorkersAhead).
   */
  threadsHint(): number {
    try {
      const n = Number.parseInt(readFileSync(this.threadsFile(), 'latin1'), 10);
      return n >= 1 && n <= 1024 ? n : 1;
    } catch {
      return 1;
    }
  }

  /** Keeps this run's most threads at once for threadsHint(), if more than `known` (what the run read). */
  recordThreads(threads: number, known: number): void {
    if (threads <= known) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const partial = `${this.threadsFile()}.${process.pid}`;
      writeFileSync(partial, `${threads}\n`);
      renameSync(partial, this.threadsFile());
    } catch {
      // a read-only cache: no hint
    }
  }

  /** The file of threadsHint(): named as a cache file, so that pruneStale removes it with the others. */
  private threadsFile(): string {
    return this.file.replace(/[.]tc$/, '-threads.tc');
  }

  /** Writes the file if this run recorded anything: the loaded records not replaced, then the new ones. */
  save(): void {
    if (this.fresh[KIND_BLOCK].size + this.fresh[KIND_REGION].size === 0) return;
    const keep: Int32Array[] = [];
    let n = this.header.length + this.freshWords;
    this.index.forEach((index, kind) => {
      for (const [pc, at] of index) {
        if (this.fresh[kind].has(pc)) continue;
        const rec = this.words.subarray(at, at + this.words[at]);
        keep.push(rec);
        n += rec.length;
      }
    });
    // What other runs of the program saved since this one loaded the file (several at once:
    // a pipeline of one multi-call binary's applets, parallel tests) is kept too, within
    // MAX_FILE_BYTES: the file grows to the union of what they all translated.
    const disk = this.readFile();
    if (disk && disk.words !== this.words) {
      disk.index.forEach((index, kind) => {
        for (const [pc, at] of index) {
          if (this.fresh[kind].has(pc) || this.index[kind].has(pc)) continue;
          const rec = disk.words.subarray(at, at + disk.words[at]);
          if ((n + rec.length) * 4 > MAX_FILE_BYTES) return;
          keep.push(rec);
          n += rec.length;
        }
      });
    }
    const out = new Int32Array(n);
    out.set(this.header, 0);
    let at = this.header.length;
    for (const rec of keep) {
      out.set(rec, at);
      at += rec.length;
    }
    for (const fresh of this.fresh) {
      for (const payload of fresh.values()) {
        // The length, the checksum, then the payload (kind first).
        out.set(payload, at + 2);
        out[at] = payload.length + 2;
        out[at + 1] = checksum(out, at + 2, at + 2 + payload.length);
        at += payload.length + 2;
      }
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
