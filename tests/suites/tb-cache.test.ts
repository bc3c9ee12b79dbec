// Tests of the TB cache (src/tcg/tb.ts) with the CPU loop (exec.ts): cold blocks are
// interpreted one at a time (tier 0) and compiled once they are entered often, compiled
// blocks go into the jump cache, jumps between compiled regions stay in translated code,
// hot regions merge with the regions they keep jumping to, a write to a code page drops every tier,
// region heat sums jumps both ways, and the regions of one module load and run each on its own. Guest code is a small riscv64 program
// (hand-assembled, source in the comments) run through the real front end.

import { describe, expect, it } from 'vitest';
import { GuestMemory } from '../../src/memory/guest-memory.js';
import { ENV_AREA, JUMP_CACHE, JUMP_CACHE_ENTRIES, JUMP_CACHE_ENTRY_SIZE, PAGE_SIZE, jumpCacheIndex } from '../../src/memory/layout.js';
import { HelperRegistry } from '../../src/tcg/helpers.js';
import { ENV, ExitReason, HOP_SAMPLE_RATE } from '../../src/tcg/env.js';
import { TbCache, PROMOTE_ENTRIES } from '../../src/tcg/tb.js';
import { RegionHeat } from '../../src/tcg/heat.js';
import type { CompileQueue } from '../../src/tcg/compile-queue.js';
import { formRegion } from '../../src/tcg/region-form.js';
import { generateModule } from '../../src/hostbackend/wasm/codegen.js';
import { CpuExec } from '../../src/tcg/exec.js';
import { NO_LOG } from '../../src/tcg/log.js';
import { InterpBackend } from '../../src/hostbackend/interp/interp.js';
import { Tier0Backend } from '../../src/hostbackend/tier0/tier0.js';
import { WasmBackend } from '../../src/hostbackend/wasm/backend.js';
import { riscv64 } from '../../src/cpu/riscv/index.js';
import { RV, xOffset } from '../../src/cpu/riscv/state.js';

const CODE = 0x10000;
const ENV_BASE = ENV_AREA;

/** Little-endian bytes of 32-bit words. */
function words(...ws: number[]): Uint8Array {
  return Uint8Array.from(ws.flatMap((w) => [0, 1, 2, 3].map((i) => (w >>> (8 * i)) & 0xff)));
}

/*
 * 0x10000: li   a0, 0          00000513
 * 0x10004: li   a1, N          (addi a1, zero, N below 2048; lui a1, N >> 12 for multiples of 4096)
 * loop:
 * 0x10008: addi a0, a0, 1      00150513
 * 0x1000c: jal  ra, f          (to 0x10020)
 * 0x10010: bne  a0, a1, loop   feb51ce3
 * 0x10014: ecall               00000073
 * ...
 * f (0x10020): addi a2, a2, 3  00360613
 * 0x10024:     ret             00008067
 * The call's return (ret) is an indirect jump: the loop and f end up in different regions
 * until they merge.
 */
function program(n: number): Uint8Array {
  const code = new Uint8Array(0x30);
  if (n >= 2048 && n % 4096) throw new Error('program: N must be below 2048 or a multiple of 4096');
  const li = n < 2048 ? 0x00000593 | (n << 20) : 0x000005b7 | (n & 0xfffff000);
  code.set(words(0x00000513, li, 0x00150513, 0x014000ef, 0xfeb51ce3, 0x00000073), 0);
  code.set(words(0x00360613, 0x00008067), 0x20);
  return code;
}

function setup(n: number, tiered: boolean, makeQueue?: () => CompileQueue) {
  const mem = new GuestMemory();
  mem.setProt(CODE, PAGE_SIZE, 5);
  mem.rawWrite(CODE, program(n));
  mem.rawFill(ENV_BASE, RV.SIZE);
  mem.dv.setBigInt64(ENV_BASE + ENV.PC, BigInt(CODE), true);
  const helpers = new HelperRegistry();
  const translator = riscv64.createTranslator(helpers);
  const backend = new WasmBackend({ mem, helpers });
  const tier0 = tiered ? new Tier0Backend({ mem, helpers }) : undefined;
  const log = NO_LOG;
  const tbs = new TbCache(mem, translator, backend, {
    tier0, maxInsns: 64, maxRegionBlocks: 64, log, requestExit: () => mem.dv.setInt32(ENV_BASE + ENV.EXIT_REQUEST, 1, true),
    compileQueue: makeQueue?.(),
  });
  const cpu = new CpuExec(mem, tbs, backend, log);
  return { mem, tbs, cpu };
}
/** A loop count of at least `min` that program() can load: below 2048, or a multiple of 4096. */
const loopCount = (min: number): number => (min < 2048 ? min : Math.ceil(min / 4096) * 4096);
const x = (mem: GuestMemory, r: number): bigint => mem.dv.getBigInt64(ENV_BASE + xOffset(r), true);
const inJumpCache = (mem: GuestMemory, pc: number): boolean =>
  mem.dv.getBigInt64(JUMP_CACHE + jumpCacheIndex(pc) * JUMP_CACHE_ENTRY_SIZE, true) === BigInt(pc);

describe('TB cache tiers', () => {
  it('interprets a block that runs a few times and never compiles it', () => {
    const { mem, tbs, cpu } = setup(3, true);
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    expect([x(mem, 10), x(mem, 12)]).toEqual([3n, 9n]);
    expect(tbs.stats.tier0Blocks).toBeGreaterThan(0);
    expect(tbs.stats.regionsCompiled).toBe(0);
    expect(inJumpCache(mem, 0x10008)).toBe(false);
  });

  it('compiles a block once it has been entered PROMOTE_ENTRIES times, with the same results', () => {
    const n = loopCount(PROMOTE_ENTRIES * 3);
    const { mem, tbs, cpu } = setup(n, true);
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    expect([x(mem, 10), x(mem, 12)]).toEqual([BigInt(n), BigInt(3 * n)]);
    expect(tbs.stats.promotions).toBeGreaterThan(0);
    expect(tbs.stats.regionsCompiled).toBeGreaterThan(0);
    expect(inJumpCache(mem, 0x10020)).toBe(true);
  });

  it('compiles on the CPU loop\'s thread after the compile worker fails, and keeps its error for -d stats', () => {
    const n = loopCount(PROMOTE_ENTRIES * 10);
    const { mem, tbs, cpu } = setup(n, true, () => {
      // A worker that answers its first request with an error once it has a second, and
      // never answers the second.
      const asked: number[] = [];
      let answered = false;
      return {
        request: () => asked.push(asked.length) - 1,
        hasAnswers: () => asked.length > 1 && !answered,
        take: () => {
          answered = true;
          return [{ id: asked[0], ok: false as const, error: 'Error: boom\n    at somewhere' }];
        },
      } as unknown as CompileQueue;
    });
    // As if the first regions had been compiled already: the worker is asked from the start.
    tbs.stats.regionsCompiled = 8;
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    expect([x(mem, 10), x(mem, 12)]).toEqual([BigInt(n), BigInt(3 * n)]);
    expect(tbs.stats.workerErrors).toBe(1);
    expect(tbs.workerError).toContain('boom');
    // The loop and f got compiled here after all.
    expect(tbs.stats.promotions).toBeGreaterThanOrEqual(2);
    expect(inJumpCache(mem, 0x10020)).toBe(true);
  });

  it('merges regions that keep jumping to each other, seen through the hub\'s samples', () => {
    // Enough calls for the jumps to pay for translating both regions again (ENTRIES_PER_MERGED_BLOCK).
    const n = 4096 * 64;
    const { mem, tbs, cpu } = setup(n, false);
    const before = cpu.dispatches;
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    expect([x(mem, 10), x(mem, 12)]).toEqual([BigInt(n), BigInt(3 * n)]);
    expect(tbs.stats.merges).toBeGreaterThan(0);
    // calls and returns stay in translated code: through the hub (one in HOP_SAMPLE_RATE
    // comes back as a sample), then as branches of the merged region
    expect(cpu.dispatches - before).toBeLessThan((2 * n) / HOP_SAMPLE_RATE);
  });

  it('drops both tiers when their code page is written', () => {
    const { mem, tbs, cpu } = setup(loopCount(PROMOTE_ENTRIES * 2), true);
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    tbs.invalidatePage(CODE >>> 12);
    expect(inJumpCache(mem, 0x10020)).toBe(false);
    expect(tbs.stats.invalidations).toBe(1);
    // runs again from the start, translating anew
    mem.dv.setBigInt64(ENV_BASE + ENV.PC, BigInt(CODE), true);
    mem.dv.setInt32(ENV_BASE + ENV.EXIT_REQUEST, 0, true);
    expect(cpu.run(ENV_BASE)).toBe(ExitReason.SYSCALL);
    expect(x(mem, 10)).toBe(BigInt(PROMOTE_ENTRIES * 2));
  });
});

describe('region heat', () => {
  it('sums the jumps both ways between a region and each neighbour, and forgets a region wholly', () => {
    const heat = new RegionHeat();
    heat.note(1, 2, 10);
    heat.note(2, 1, 5);
    heat.note(1, 3, 2);
    heat.note(1, 2, 1);
    heat.note(4, 5, 100);
    expect([...heat.neighbours(1, 0)].sort()).toEqual([[2, 16], [3, 2]]);
    expect([...heat.neighbours(1, 10)]).toEqual([[2, 16]]);
    expect([...heat.neighbours(2, 0)]).toEqual([[1, 16]]);
    heat.forget(new Set([2]));
    expect([...heat.neighbours(1, 0)]).toEqual([[3, 2]]);
    expect([...heat.neighbours(2, 0)]).toEqual([]);
    expect([...heat.neighbours(5, 0)]).toEqual([[4, 100]]);
  });

  it('keeps counting right when pairs take each other\'s slots in a full table', () => {
    const heat = new RegionHeat();
    // Far more pairs than the table holds: old ones are overwritten, never miscounted.
    for (let a = 0; a < 40_000; a++) heat.note(a, a + 1, 1);
    heat.note(7, 8, 3);
    heat.note(7, 8, 4);
    const n = heat.neighbours(7, 0);
    expect(n.get(8)).toBeGreaterThanOrEqual(7);
    expect(n.get(8)).toBeLessThanOrEqual(8);
    for (const [other, count] of heat.neighbours(39_999, 0)) {
      expect([39_998, 40_000]).toContain(other);
      expect(count).toBe(1);
    }
  });
});

describe('modules holding several regions', () => {
  it('loads each region of a module on its own, in any order, and they run together', () => {
    // The compile worker compiles the requests waiting together, into one module.
    const n = 50;
    const made = setup(n, false);
    const helpers = new HelperRegistry();
    const translator = riscv64.createTranslator(helpers);
    const rules = { maxBlocks: 8, maxInsns: 64 };
    const loop = formRegion(translator, made.mem, [CODE, CODE + 0x10], { ...rules, admits: (pc) => pc < CODE + 0x20 });
    const f = formRegion(translator, made.mem, [CODE + 0x20], { ...rules, admits: () => false });
    const out = generateModule({ regions: [loop, f], baseSlot: 0, helpers, text: false });

    const { mem } = setup(n, false);
    const backend = new WasmBackend({ mem, helpers });
    new Int32Array(mem.memory.buffer, JUMP_CACHE, JUMP_CACHE_ENTRIES * 4).fill(-1);
    const slotOf = new Map<number, number>();
    for (const [part, blocks] of [[1, f], [0, loop]] as const) {
      const region = backend.loadImage({ bytes: out.bytes, needs: 0, part }, blocks.length);
      blocks.forEach((b, i) => slotOf.set(b.pc, region.slots[i]));
    }
    // A CPU loop of its own: every jump between the two regions comes back here (LOOKUP).
    let reason: number = ExitReason.LOOKUP;
    let trips = 0;
    while (reason === ExitReason.LOOKUP && trips++ < 10 * n) {
      const pc = Number(mem.dv.getBigInt64(ENV_BASE + ENV.PC, true));
      reason = backend.run(slotOf.get(pc)!, ENV_BASE);
    }
    expect(reason).toBe(ExitReason.SYSCALL);
    expect(x(mem, 10)).toBe(BigInt(n));
    expect(x(mem, 12)).toBe(BigInt(3 * n));
    expect(trips).toBeGreaterThan(2 * n);
  });
});
