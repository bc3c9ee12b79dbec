// Forms a tier-1 region: translates the blocks at its seed pcs and, breadth first, the
// blocks reachable from them through static jumps that the rules admit, optimizes each
// and returns them in order (the first seed first). Shared by the TB cache, which forms
// regions on the CPU's thread, and the compile worker, which forms them on its own.

import type { Translator } from '../cpu/guest.js';
import { GuestFault, type GuestMemory } from '../memory/guest-memory.js';
import { PERM } from '../memory/layout.js';
import type { TranslatedBlock } from './ir.js';
import { optimize } from './translate-side.js';

export interface RegionRules {
  /** Most blocks in the region. */
  readonly maxBlocks: number;
  /** Most guest instructions per block. */
  readonly maxInsns: number;
  /** Whether a successor (not a seed) may join: false for blocks compiled already, or not run yet where only run blocks join. */
  admits(pc: number): boolean;
  /** Sees each block as translated and as optimized (for the -d logs). */
  onBlock?(block: TranslatedBlock, optimized: TranslatedBlock): void;
}

/**
 * The optimized blocks of the region at `seeds`. Only the first seed must translate (its
 * GuestFault propagates); a block that cannot be fetched is left out, to be looked up (and
 * fault) when reached.
 */
export function formRegion(translator: Translator, mem: GuestMemory, seeds: readonly number[], rules: RegionRules): TranslatedBlock[] {
  const blocks: TranslatedBlock[] = [];
  const entryPc = seeds[0];
  const queued = new Set<number>(seeds);
  const work = [...seeds];
  while (work.length > 0 && blocks.length < rules.maxBlocks) {
    const pc = work.shift()!;
    let block: TranslatedBlock;
    try {
      block = translator.translate(mem, pc, { maxInsns: rules.maxInsns });
    } catch (e) {
      if (pc === entryPc || !(e instanceof GuestFault)) throw e;
      continue;
    }
    const opt = optimize(block);
    rules.onBlock?.(block, opt);
    blocks.push(opt);
    for (const next of block.successors) {
      if (!queued.has(next) && rules.admits(next) && mem.perm(next) & PERM.EXEC) {
        queued.add(next);
        work.push(next);
      }
    }
  }
  return blocks;
}
