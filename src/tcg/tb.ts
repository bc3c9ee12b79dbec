// The translation-block cache. On a miss at pc it translates a whole region — the block
// at pc plus the blocks reachable from it through static jumps, up to a limit — and has
// the backend compile them together (one wasm module per region, never per block).
// It keeps pc → block, fills the jump cache that translated code chains through, marks
// pages holding translated code (PERM.CODE) and drops every region on a page when that
// page is written, and everything on fence.i.
//
// Code is translated in two tiers when a tier-0 backend is given (the IR interpreter):
// a block is first translated alone, without optimization, and interpreted — most code
// runs a handful of times, and compiling it would cost far more than running it. A block
// the CPU loop has entered PROMOTE_ENTRIES times is translated again with the blocks it
// leads to that have run as well, optimized and compiled by the main backend. With the
// persistent translation cache (persist.ts), a block first met may come from it instead:
// its tier-0 program, or, if it is the entry of a region the last run promoted, that
// region's compiled image, so that it runs compiled from the start.
//
// Regions grow with use: jumps the translator cannot follow (returns, jump tables,
// calls through pointers) often land in other regions, and each such jump costs a trip
// through the CPU loop. When the CPU loop has entered a region often enough
// (HOT_REGION_ENTRIES, more for regions made this way), its blocks and those of the
// regions it keeps jumping to or from (heat.ts) are translated again as one region, and
// the regions it replaces are dropped.

import type { Translator } from '../cpu/guest.js';
import type { CompiledRegion, HostBackend } from '../hostbackend/backend.js';
import type { GuestMemory } from '../memory/guest-memory.js';
import { addrFromHalves, envOfCpu, hi32, JUMP_CACHE, JUMP_CACHE_ENTRIES, lo32, MAX_THREADS, PAGE_SHIFT, SHARED_CODE_WORDS, jumpCacheIndex, parallelTranslation } from '../memory/layout.js';
import { formatOp, type TranslatedBlock } from './ir.js';
import { ENV, HOP_SAMPLE_RATE } from './env.js';
import type { TcgLog } from './log.js';
import { formRegion } from './region-form.js';
import type { CompileQueue } from './compile-queue.js';
import { RegionHeat } from './heat.js';
import type { TranslationStore } from './persist.js';
import type { Tier0Backend } from '../hostbackend/tier0/tier0.js';
import { nowMs } from '../host-lazy.js';

export interface TbCacheOptions {
  /** Most guest instructions per block. */
  maxInsns: number;
  /** Interprets cold blocks (see the header); none: everything goes to the main backend at once. */
  tier0?: Tier0Backend;
  /** Most blocks translated into one region (one backend compile). */
  maxRegionBlocks: number;
  log: TcgLog;
  /** Called when running code must return to the CPU loop (its translations changed). */
  requestExit: () => void;
  /** The jump cache of the CPU this cache serves (layout.ts: one per thread); JUMP_CACHE by default. */
  jumpCache?: number;
  /** The persistent translation cache: tier-0 blocks are taken from it when it has them, and recorded in it. */
  store?: TranslationStore;
  /** The persistent cache for translations made once the process has several threads (persist.ts `parallel`). */
  parallelStore?: () => TranslationStore | undefined;
  /** Forms and compiles tier-1 regions on another thread (with a tier-0 backend only): the CPU goes on in tier 0 meanwhile. */
  compileQueue?: CompileQueue;
}

export interface Tb {
  readonly pc: number;
  readonly slot: number;
  readonly region: Region;
  readonly firstPage: number;
  readonly lastPage: number;
  /** Guest instructions in the block (for -d stats); estimated from its size (4 bytes each) for one from the translation cache. */
  readonly insns: number;
}

/** What the TB cache needs of a block: where it is, and its guest instructions (the list, or their count) when known. */
type RegionBlock = { readonly pc: number; readonly size: number; readonly insns?: readonly unknown[]; readonly insnCount?: number };

/** A region the compile worker is forming: what it was asked for, and the regions it will replace. */
interface CompileJob {
  readonly seeds: readonly number[];
  readonly generation: number;
  /** Tier-0 regions (a promotion) or compiled ones (a merge) the answer replaces: marked while it is being formed; a merge drops them. */
  readonly replaces: readonly Region[];
  /** The TB cache's epoch when asked: an answer from another epoch (code changed since) is dropped. */
  readonly epoch: number;
}

interface Region {
  readonly id: number;
  /** 0: one cold block run by the tier-0 backend; 1: compiled by the main backend. */
  readonly tier: 0 | 1;
  readonly backend: HostBackend;
  compiled: CompiledRegion;
  tbs: Tb[];
  /** Entries from the CPU loop. */
  entries: number;
  /** How many merges made it (0: translated from one entry pc). */
  readonly generation: number;
  /** Dropped: its code changed, or another region replaced it. */
  dropped?: boolean;
  /** The compile worker is forming a region to replace it. */
  compiling?: boolean;
}

/**
 * Entries from the CPU loop after which a tier-0 block is compiled. Interpreting a block
 * costs ~100-150 ns per guest instruction, compiling it a few hundred µs, mostly on the
 * compile worker's thread. At 300, busybox awk ran in 1.4-1.65 s against 1.85-2.0 s at
 * 1000 (sort and lua the same within noise; 3000 and 10000 were slower); a static hello
 * world still compiles nothing unless its environment is large (glibc's tunables loop
 * runs once per variable and tunable).
 */
export const PROMOTE_ENTRIES = 300;
/**
 * The same once the compile worker compiles (PROMOTIONS_BEFORE_WORKER): compiling costs
 * the CPU's thread only the instantiation then, and the worker compiles regions in batches
 * (~100 µs a block): lua and sqlite ran 15-25% faster than at 300. Short runs never get
 * there, so a hello world compiles as few regions as before (each a cached image to load
 * in its next run).
 */
export const PROMOTE_ENTRIES_WITH_WORKER = 100;
/**
 * Regions compiled (or loaded from the translation cache) on the CPU's thread before the
 * compile worker takes over: a short run
 * (a hello world promotes one region) would otherwise pay for starting the worker — a thread
 * with its own copy of the translation side — and for Node's exit waiting for it (~100 ms).
 */
const PROMOTIONS_BEFORE_WORKER = 8;
/** Entries from the CPU loop after which a region is merged with its neighbours; ×4 per generation. */
export const HOT_REGION_ENTRIES = 2000;
/**
 * A merge translates and compiles every block of the regions it joins again (~100-200 µs a
 * block), and saves ~20-30 ns for each jump between them it turns into a branch: a region
 * is merged only once it has been entered this many times per block it holds.
 */
const ENTRIES_PER_MERGED_BLOCK = 5000;
/** Blocks a merge may add beyond the blocks of the regions it merges (their static successors). */
const MERGE_EXTRA_BLOCKS = 32;
/** Most blocks in a merged region. */
const MERGED_REGION_BLOCKS = 256;
/** Merges stop after this many generations. */
const MAX_GENERATION = 3;

export class TbCache {
  private readonly byPc = new Map<number, Tb>();
  /**
   * The compiled block at each slot the main backend handed out (for the jump-cache fast
   * path). Tier 0 numbers its slots on its own, and its blocks are never in the jump cache.
   */
  private readonly bySlot: (Tb | undefined)[] = [];
  private readonly regionsOnPage = new Map<number, Set<Region>>();
  /**
   * Tier-0 blocks by jump-cache index (pc → block without a Map lookup on the CPU loop's
   * busiest path; tier-0 blocks are never in the jump cache). An entry may be stale: its
   * region dropped, or another pc's.
   */
  private readonly coldCache: (Tb | undefined)[] = new Array<Tb | undefined>(JUMP_CACHE_ENTRIES).fill(undefined);
  /** Compiled (tier-1) regions by id, for merges. */
  private readonly regionById = new Map<number, Region>();
  private nextRegionId = 0;
  private readonly heat = new RegionHeat();
  /** The region the CPU loop entered last (-1: none). */
  private lastRegion = -1;
  /** How many jumps the next entry stands for: HOP_SAMPLE_RATE after a sampled hop, else 1. */
  private entryWeight = 1;
  /** The jump cache as i32 words: entry i has pc at [4i, 4i+1] and slot at [4i+2]. */
  private readonly jumpCache: Int32Array;
  /** Whether -d stats asked for times. */
  private readonly timing: boolean;
  /** The words every thread's TB cache shares (layout.ts SHARED_CODE_WORDS), and the code epoch this one has caught up with. */
  private readonly sharedCode: Int32Array;
  private seenEpoch: number;
  /** Whether this cache's translations are for several threads (layout.ts parallelTranslation). */
  private parallel: boolean;
  /** While there is a compile worker: what became of blocks since its last request (CompileRequest.tiers). */
  private tierLog: number[] = [];
  /** The compile worker, while it works (a failure stops using it). */
  private queue: CompileQueue | undefined;
  /** Counts invalidations and flushes: translations asked of the compile worker in an earlier epoch are stale. */
  private epoch = 0;
  /** The first error the compile worker answered with (for -d stats), if any. */
  workerError: string | undefined;
  /** Regions the compile worker is forming, by request id. */
  private readonly jobs = new Map<number, CompileJob>();
  /** While set (holdTier0), code runs in tier 0 only: called at the first promotion, which then goes on. */
  private tier0Hold: (() => void) | undefined;
  /** Counters for -d stats (worker*: the compile worker's share, on its own thread). */
  readonly stats = {
    blocksTranslated: 0, regionsCompiled: 0, translateMs: 0, invalidations: 0, flushes: 0, merges: 0, tier0Blocks: 0, promotions: 0,
    workerRegions: 0, workerMs: 0, workerDropped: 0, workerErrors: 0,
  };

  constructor(
    private readonly mem: GuestMemory,
    private readonly translator: Translator,
    private readonly backend: HostBackend,
    private readonly opts: TbCacheOptions,
  ) {
    this.jumpCache = new Int32Array(mem.memory.buffer, opts.jumpCache ?? JUMP_CACHE, JUMP_CACHE_ENTRIES * 4);
    this.sharedCode = new Int32Array(mem.memory.buffer, SHARED_CODE_WORDS, 2);
    this.seenEpoch = Atomics.load(this.sharedCode, 0);
    this.parallel = parallelTranslation(mem.memory.buffer);
    this.timing = opts.log.has('stats');
    this.queue = opts.tier0 ? opts.compileQueue : undefined;
    this.clearJumpCache();
    mem.onCodeWrite = (page) => this.invalidatePage(page);
  }

  /**
   * The block to run at pc (lo/hi: its two 32-bit halves) when the CPU loop enters
   * translated code: the jump cache first, then lookup(). Counts the entry and the jump
   * from the region entered before, and merges a region that has become hot.
   */
  enter(lo: number, hi: number): Tb {
    if (this.queue?.hasAnswers()) this.installAnswers();
    const e = jumpCacheIndex(lo) * 4;
    const jc = this.jumpCache;
    let tb = jc[e] === lo && jc[e + 1] === hi ? this.bySlot[jc[e + 2]] : undefined;
    const pc = addrFromHalves(lo, hi);
    if (tb === undefined || tb.pc !== pc) {
      tb = this.coldCache[e >> 2];
      if (tb === undefined || tb.pc !== pc || tb.region.dropped) tb = this.lookup(pc);
    }
    const r = tb.region;
    if (r.tier === 0) {
      if (++r.entries < this.promoteAt || r.compiling) return tb;
      this.tier0Hold?.();
      if (this.workerTakesOver()) {
        // The worker compiles it (counted when it comes); tier 0 goes on running it meanwhile.
        this.ask([pc], 0, [r]);
        return tb;
      }
      this.stats.promotions++;
      this.translateRegion(pc, 0, 1);
      return this.lookup(pc);
    }
    const weight = this.entryWeight;
    this.entryWeight = 1;
    // Only the hub's samples are jumps between compiled regions: the CPU loop's own entries
    // come after tier-0 blocks and system calls.
    if (weight > 1 && this.lastRegion >= 0 && this.lastRegion !== r.id) this.heat.note(this.lastRegion, r.id, weight);
    this.lastRegion = r.id;
    if ((r.entries += weight) < Math.max(HOT_REGION_ENTRIES, ENTRIES_PER_MERGED_BLOCK * r.tbs.length) << (2 * r.generation) || r.generation >= MAX_GENERATION || r.compiling) return tb;
    if (!this.mergeHot(r)) return tb;
    return this.lookup(pc);
  }

  /**
   * Runs code in tier 0 only (no region from the persistent cache, no promotion), so that
   * every block comes back to the CPU loop, until the first block hot enough to be promoted:
   * `onHot` is called then (and should release the hold), and the promotion goes on. Only
   * with tier 0 (false without it).
   */
  holdTier0(onHot: () => void): boolean {
    if (!this.opts.tier0) return false;
    this.tier0Hold = onHot;
    return true;
  }

  /** Ends holdTier0(). */
  releaseTier0(): void {
    this.tier0Hold = undefined;
  }

  /**
   * A jump between compiled regions that stayed in translated code, sampled by the wasm
   * backend's hub (ExitReason.HOP_SAMPLE) from the region whose first block has `fromSlot`:
   * the next enter() counts it, as HOP_SAMPLE_RATE jumps, from that region.
   */
  sampledHop(fromSlot: number): void {
    const from = this.bySlot[fromSlot];
    if (from === undefined) return;
    this.lastRegion = from.region.id;
    this.entryWeight = HOP_SAMPLE_RATE;
  }

  /** Translates a hot region and its busiest neighbours again as one region; false if there was nothing to merge. */
  private mergeHot(hot: Region): boolean {
    // A small region whose busiest neighbour is a bigger one (a handler and its interpreter's
    // dispatch) merges from that neighbour's side, so that one merge takes in all of its hot
    // neighbours instead of one handler a generation.
    const r = this.mergeRoot(hot);
    if (r !== hot) hot.entries = 0;
    const group = new Set<Region>([r]);
    // Busiest neighbours first, as long as the merged region stays within MERGED_REGION_BLOCKS:
    // a region cut short would leave blocks behind to be translated and merged again, and
    // V8's optimizing compiler needs memory in proportion to a region's size (tens of MB
    // for a few hundred blocks).
    // A neighbour joins only if its jumps to and from the hot region pay for translating its
    // blocks again (ENTRIES_PER_MERGED_BLOCK each); the jumps joined must also pay for the hot region's.
    let blocks = r.tbs.length + MERGE_EXTRA_BLOCKS;
    // Blocks translated again (the extra successors are not counted: a merge takes them only where they fit).
    let translated = r.tbs.length;
    let joined = 0;
    // (No share of the hot region's entries is asked of a neighbour: an interpreter's dispatch
    // jumps to dozens of handlers, each a small share and each paying for itself.)
    const neighbours = [...this.heat.neighbours(r.id, ENTRIES_PER_MERGED_BLOCK)].sort((a, b) => b[1] - a[1]);
    // A neighbour the compile worker is merging elsewhere is waited for, not given up on.
    let deferred = false;
    for (const [id, jumps] of neighbours) {
      const n = this.regionById.get(id);
      if (!n || blocks + n.tbs.length > MERGED_REGION_BLOCKS || jumps < ENTRIES_PER_MERGED_BLOCK * n.tbs.length) continue;
      if (n.compiling) {
        deferred = true;
        continue;
      }
      group.add(n);
      blocks += n.tbs.length;
      translated += n.tbs.length;
      joined += jumps;
    }
    if (group.size < 2 || joined < ENTRIES_PER_MERGED_BLOCK * translated) {
      // Nothing worth merging (a loop that only leaves for system calls, say): ask again much
      // later; or, waiting for a neighbour being merged, as soon as the threshold comes again.
      r.entries = deferred ? 0 : -r.entries * 8;
      return false;
    }
    r.entries = 0;
    const pcs: number[] = [];
    for (const g of group) for (const tb of g.tbs) if (this.byPc.get(tb.pc) === tb) pcs.push(tb.pc);
    const generation = Math.max(...[...group].map((g) => g.generation)) + 1;
    if (this.workerTakesOver()) {
      // The worker forms the merged region (counted when it comes); these go on running until then.
      this.ask(pcs, generation, [...group]);
      return false;
    }
    this.stats.merges++;
    this.translateRegion(pcs, generation, 1);
    this.heat.forget(new Set([...group].map((g) => g.id)));
    for (const g of group) this.dropRegion(g);
    return true;
  }

  /**
   * Entries that promote a tier-0 block: PROMOTE_ENTRIES, or PROMOTE_ENTRIES_WITH_WORKER once
   * the worker compiles. Derived each time (a few field reads) rather than kept in a field
   * that every change of its inputs would have to update.
   */
  private get promoteAt(): number {
    return this.workerTakesOver() ? PROMOTE_ENTRIES_WITH_WORKER : PROMOTE_ENTRIES;
  }

  /** Whether compiling goes to the worker: there is one, and this run has compiled or loaded PROMOTIONS_BEFORE_WORKER regions. */
  private workerTakesOver(): boolean {
    return this.queue !== undefined && this.stats.regionsCompiled + (this.opts.store?.stats.regionsUsed ?? 0) >= PROMOTIONS_BEFORE_WORKER;
  }

  /** The region a merge set off by `r` is formed around: r, or its busiest neighbour if that is a bigger region that may still merge. */
  private mergeRoot(r: Region): Region {
    let best: Region | undefined;
    let bestJumps = ENTRIES_PER_MERGED_BLOCK * r.tbs.length;
    for (const [id, jumps] of this.heat.neighbours(r.id, ENTRIES_PER_MERGED_BLOCK)) {
      const n = this.regionById.get(id);
      if (n && jumps >= bestJumps && n.tbs.length > r.tbs.length && n.generation < MAX_GENERATION && !n.compiling) {
        best = n;
        bestJumps = jumps;
      }
    }
    return best ?? r;
  }

  /** Asks the compile worker for the region at `seeds`, which will replace `replaces`. */
  private ask(seeds: number[], generation: number, replaces: Region[]): void {
    const plan = this.planRegion(seeds.length, generation);
    const tiers = this.tierLog;
    this.tierLog = [];
    const id = this.queue!.request({ seeds, maxBlocks: plan.maxBlocks, maxInsns: this.opts.maxInsns, tiers, onlyRun: plan.onlyRun, image: plan.record, epoch: this.epoch });
    this.jobs.set(id, { seeds, generation, replaces, epoch: this.epoch });
    for (const r of replaces) r.compiling = true;
  }

  /**
   * Installs the regions the compile worker has answered with, unless the code changed since
   * they were asked for (then the regions they replace may ask again). A region another
   * answer replaced meanwhile is no reason to drop one: it holds other blocks too, and each
   * block runs the newest code made for it. A worker that failed is not asked again:
   * regions are then translated on this thread.
   */
  private installAnswers(): void {
    const t0 = this.timing ? nowMs() : 0;
    for (const answer of this.queue!.take()) {
      const job = this.jobs.get(answer.id)!;
      this.jobs.delete(answer.id);
      for (const r of job.replaces) r.compiling = false;
      if (!answer.ok) {
        // The worker is not asked again: what it was forming goes back to the CPU's thread.
        this.stats.workerErrors++;
        this.workerError ??= answer.error;
        this.queue = undefined;
        for (const other of this.jobs.values()) for (const r of other.replaces) r.compiling = false;
        this.jobs.clear();
        continue;
      }
      this.stats.workerMs += answer.translateMs + answer.compileMs;
      if (answer.module === null) continue;
      if (job.epoch !== this.epoch || !this.backend.loadModule) {
        this.stats.workerDropped++;
        continue;
      }
      const compiled = this.backend.loadModule(answer.module, answer.blocks.length, answer.part, { bytes: answer.bytes, usesFusedMadd: answer.usesFusedMadd });
      this.installRegion(answer.blocks, compiled, job.generation);
      this.stats.workerRegions++;
      if (job.generation === 0) this.stats.promotions++;
      else this.stats.merges++;
      if (job.generation > 0) {
        this.heat.forget(new Set(job.replaces.map((g) => g.id)));
        for (const g of job.replaces) if (!g.dropped) this.dropRegion(g);
      }
    }
    if (this.timing) this.stats.translateMs += nowMs() - t0;
  }

  /**
   * The block at pc, translating it on a miss (tier 0 when there is one). Throws GuestFault
   * if pc is not executable. Compiled blocks go into the jump cache.
   */
  lookup(pc: number): Tb {
    let tb = this.byPc.get(pc);
    if (!tb) {
      this.translateRegion(pc, 0, this.opts.tier0 ? 0 : 1);
      tb = this.byPc.get(pc);
      if (!tb) throw new Error(`TB at 0x${pc.toString(16)} missing after translation`);
    }
    if (tb.region.tier === 0) this.coldCache[jumpCacheIndex(pc)] = tb;
    else {
      const e = jumpCacheIndex(pc) * 4;
      this.jumpCache[e] = lo32(pc);
      this.jumpCache[e + 1] = hi32(pc);
      this.jumpCache[e + 2] = tb.slot;
    }
    return tb;
  }

  /** The backend that runs a block. */
  backendOf(tb: Tb): HostBackend {
    return tb.region.backend;
  }

  /**
   * Translates a region: tier 0, the one block at the entry, as translated; tier 1, the
   * blocks reachable from the entries through static jumps (those not compiled yet; for a
   * promotion from tier 0, those that have run), optimized and compiled together. Tier-0
   * blocks the new region replaces are dropped.
   */
  private translateRegion(entryPcs: number | number[], generation: number, tier: 0 | 1): void {
    // Timed for -d stats only: reading the clock ~800 times costs a short run a millisecond or two.
    const t0 = this.timing ? nowMs() : 0;
    if (tier === 0) {
      this.translateCold(entryPcs as number);
    } else {
      const seeds = typeof entryPcs === 'number' ? [entryPcs] : entryPcs;
      const plan = this.planRegion(seeds.length, generation);
      const log = this.opts.log;
      const blocks = formRegion(this.translator, this.mem, seeds, {
        maxBlocks: plan.maxBlocks,
        maxInsns: this.opts.maxInsns,
        admits: (pc) => this.admits(pc, plan.onlyRun),
        onBlock: (block, opt) => {
          this.logBlock(block);
          if (log.has('op_opt')) this.logOps('OP after optimization and liveness analysis:', opt);
        },
      });
      this.installRegion(blocks, this.backend.compile(blocks, { image: plan.record }), generation);
    }
    if (this.timing) this.stats.translateMs += nowMs() - t0;
  }

  /**
   * How a tier-1 region of `seedCount` seeds is formed: a merged region is its seeds (the
   * blocks that ran) and a few of their successors, no more; a block promoted from tier 0
   * takes along only successors that have run (in tier 0) — the rest are cold so far, and
   * compiling them would only make the compile slower — and its image is recorded, so that
   * the next run compiles it from the start.
   */
  private planRegion(seedCount: number, generation: number): { maxBlocks: number; onlyRun: boolean; record: boolean } {
    const onlyRun = generation === 0 && this.opts.tier0 !== undefined;
    return {
      maxBlocks: generation ? Math.min(MERGED_REGION_BLOCKS, seedCount + MERGE_EXTRA_BLOCKS) : this.opts.maxRegionBlocks,
      onlyRun,
      record: onlyRun && this.opts.store !== undefined && this.backend.loadImage !== undefined,
    };
  }

  /** Whether a successor may join a region being formed: not compiled already, and run in tier 0 where onlyRun. */
  private admits(pc: number, onlyRun: boolean): boolean {
    const known = this.byPc.get(pc)?.region.tier;
    return !(known === 1 || (onlyRun && known !== 0));
  }

  /**
   * A block seen for the first time: the entry of a region the last run compiled (then it
   * runs compiled at once), a tier-0 program recorded by the last run, or translated for tier 0.
   */
  private translateCold(pc: number): void {
    if (this.opts.store && ((this.tier0Hold === undefined && this.installStoredRegion(pc)) || this.installStored(pc))) return;
    const tier0 = this.opts.tier0!;
    const block = this.translator.translate(this.mem, pc, { maxInsns: this.opts.maxInsns });
    this.logBlock(block);
    const compiled = tier0.compile([block]);
    this.addRegion([block], { slots: compiled.slots }, 0, tier0, 0);
    this.stats.tier0Blocks++;
    this.opts.store?.note(tier0.programAt(compiled.slots[0]));
  }

  /** Registers a compiled region, formed here or by the compile worker, and records its image if it has one. */
  private installRegion(blocks: readonly RegionBlock[], compiled: CompiledRegion, generation: number): void {
    if (compiled.image) this.opts.store?.noteRegion(blocks, compiled.image);
    this.addRegion(blocks, { slots: compiled.slots }, 1, this.backend, generation);
    this.stats.blocksTranslated += blocks.length;
    this.stats.regionsCompiled++;
  }

  /**
   * A region from the persistent cache, if it has one entered at pc (a promotion of the last
   * run) whose blocks are none of them compiled yet: installs it and returns true.
   */
  private installStoredRegion(pc: number): boolean {
    const backend = this.backend;
    if (!backend.loadImage) return false;
    const store = this.opts.store!;
    const stored = store.takeRegion(pc);
    if (!stored || stored.blocks.some((b) => this.byPc.get(b.pc)?.region.tier === 1)) return false;
    let compiled: CompiledRegion;
    try {
      compiled = backend.loadImage(stored.image, stored.blocks.length);
    } catch {
      // An image this host cannot run (see loadImage): translate.
      return false;
    }
    // Counted by the store (taken regions), not as translated here.
    store.stats.regionsUsed++;
    this.addRegion(stored.blocks, compiled, 1, backend, 0);
    return true;
  }

  /** A tier-0 block from the persistent cache, if it has the block at pc: installs it and returns true. */
  private installStored(pc: number): boolean {
    const program = this.opts.store!.take(pc);
    if (program === undefined) return false;
    const tier0 = this.opts.tier0!;
    this.addRegion([program], { slots: [tier0.install(program)] }, 0, tier0, 0);
    this.stats.tier0Blocks++;
    return true;
  }

  /** Registers a region: its blocks by pc and slot, its pages as holding code; drops the tier-0 blocks it replaces. */
  private addRegion(blocks: readonly RegionBlock[], compiled: CompiledRegion, tier: 0 | 1, backend: HostBackend, generation: number): Region {
    const region: Region = { id: this.nextRegionId++, tier, backend, compiled, tbs: [], entries: 0, generation };
    // Only compiled regions take part in merges (heat), which find them by id.
    if (tier === 1) this.regionById.set(region.id, region);
    // A plain loop, and a set only when something is replaced: a short run adds hundreds of
    // one-block tier-0 regions, each in unoptimized code.
    let replaced: Set<Region> | undefined;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      const old = this.byPc.get(b.pc);
      if (old && old.region.tier === 0 && tier === 1) (replaced ??= new Set()).add(old.region);
      const tb: Tb = {
        pc: b.pc,
        slot: compiled.slots[i],
        region,
        firstPage: b.pc >>> PAGE_SHIFT,
        lastPage: (b.pc + Math.max(b.size, 1) - 1) >>> PAGE_SHIFT,
        insns: b.insns ? b.insns.length : (b.insnCount ?? Math.max(1, b.size >>> 2)),
      };
      region.tbs.push(tb);
      this.byPc.set(b.pc, tb);
      if (this.queue) this.tierLog.push(b.pc, tier);
      if (tier === 1) this.bySlot[tb.slot] = tb;
      for (let p = tb.firstPage; p <= tb.lastPage; p++) {
        let set = this.regionsOnPage.get(p);
        if (!set) this.regionsOnPage.set(p, (set = new Set()));
        set.add(region);
        this.mem.setCodeBit(p, true);
      }
    }
    if (replaced) for (const r of replaced) this.dropRegion(r);
    return region;
  }

  /**
   * With several threads, each with its own TB cache: any code change one of them sees
   * (a store into translated code, a flush) makes every other flush everything before it
   * runs translated code again — the epoch moves and every CPU is asked to come back to
   * its loop, which calls syncSharedCode. Code changes under running threads are rare
   * (JITs, dlclose), and a whole flush is the simple sure answer.
   */
  private shareCodeChange(): void {
    if (Atomics.load(this.sharedCode, 1) === 0) return;
    this.seenEpoch = Atomics.add(this.sharedCode, 0, 1) + 1;
    const dv = this.mem.dv;
    for (let cpu = 0; cpu < MAX_THREADS; cpu++) dv.setInt32(envOfCpu(cpu) + ENV.EXIT_REQUEST, 1, true);
  }

  /** Flushes everything if another thread's TB cache changed code since this one last looked (CPU loop: at entry and exit requests). */
  syncSharedCode(): void {
    const epoch = Atomics.load(this.sharedCode, 0);
    if (epoch === this.seenEpoch) return;
    this.seenEpoch = epoch;
    this.flushLocal();
    // the first clone moved the epoch too: from now on translations are for several threads
    if (!this.parallel && parallelTranslation(this.mem.memory.buffer)) {
      this.parallel = true;
      this.opts.store = this.opts.parallelStore?.();
    }
  }

  /** A store hit a page holding translated code: forget every region on it. */
  invalidatePage(page: number): void {
    const regions = this.regionsOnPage.get(page);
    this.mem.setCodeBit(page, false);
    this.shareCodeChange();
    if (!regions) return;
    this.stats.invalidations++;
    this.epoch++;
    for (const r of [...regions]) this.dropRegion(r);
    this.opts.requestExit();
  }

  /** Forgets every translation (fence.i, munmap of code, exec), in every thread. */
  flush(): void {
    this.shareCodeChange();
    this.flushLocal();
  }

  private flushLocal(): void {
    this.stats.flushes++;
    this.epoch++;
    const all = new Set<Region>();
    for (const set of this.regionsOnPage.values()) for (const r of set) all.add(r);
    for (const r of all) this.dropRegion(r);
    this.clearJumpCache();
  }

  private dropRegion(r: Region): void {
    r.dropped = true;
    this.regionById.delete(r.id);
    for (const tb of r.tbs) {
      if (this.byPc.get(tb.pc) === tb) {
        this.byPc.delete(tb.pc);
        if (this.queue) this.tierLog.push(tb.pc, -1);
      }
      if (r.tier === 1 && this.bySlot[tb.slot] === tb) this.bySlot[tb.slot] = undefined;
      for (let p = tb.firstPage; p <= tb.lastPage; p++) {
        const set = this.regionsOnPage.get(p);
        if (!set) continue;
        set.delete(r);
        if (set.size === 0) {
          this.regionsOnPage.delete(p);
          this.mem.setCodeBit(p, false);
        }
      }
      const e = jumpCacheIndex(tb.pc) * 4;
      const jc = this.jumpCache;
      if (r.tier === 1 && jc[e] === lo32(tb.pc) && jc[e + 1] === hi32(tb.pc)) jc[e] = jc[e + 1] = -1;
    }
    r.backend.release(r.compiled);
  }

  /** Empties every jump-cache entry: pc -1 (no block is there), slot -1. */
  private clearJumpCache(): void {
    this.jumpCache.fill(-1);
  }

  private logBlock(b: TranslatedBlock): void {
    const log = this.opts.log;
    if (log.has('in_asm')) {
      const lines = b.insns.map((i) => {
        const hex = i.size === 2 ? (i.bits & 0xffff).toString(16).padStart(4, '0').padEnd(8) : (i.bits >>> 0).toString(16).padStart(8, '0');
        return `0x${i.pc.toString(16).padStart(16, '0')}:  ${hex}          ${i.text}`;
      });
      log.write(`----------------\nIN: \n${lines.join('\n')}\n\n`);
    }
    if (log.has('op')) this.logOps('OP:', b);
  }

  private logOps(title: string, b: TranslatedBlock): void {
    this.opts.log.write(`${title}\n${b.ops.map((o) => (o.op === 'insn_start' ? `\n ---- 0x${Number(o.consts[0]).toString(16)}` : ` ${formatOp(o)}`)).join('\n')}\n\n`);
  }
}
