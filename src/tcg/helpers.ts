// Helpers: JS functions that translated code calls for work too large or too rare to
// emit inline (exact floating point, CSRs, memory slow paths). Each helper declares
// its signature in IR types, so both backends and the IR builder can check calls.
// Convention: i32 arguments arrive as unsigned JS numbers (apply `| 0` for signed; the
// env pointer is above 2^31), i64 as bigint; keep hot helpers to i32 arguments
// (register numbers, env pointer) and let them read the env block.

import type { IrType } from './opcodes.js';
import type { GuestMemory } from '../memory/guest-memory.js';

/** What a helper may touch: the guest memory that holds every env block. */
export interface HelperContext {
  readonly mem: GuestMemory;
}

/** A byte range [start, end) of the env block. */
export interface EnvRange {
  readonly start: number;
  readonly end: number;
}

/** What one call of a helper reads and writes in env (besides the header). */
export interface EnvAccess {
  readonly reads: readonly EnvRange[];
  readonly writes: readonly EnvRange[];
}

/**
 * A helper's env effects computed from one call's arguments: each argument's value when
 * it is a constant at the call (register numbers, usually), else undefined.
 */
export type EnvEffectsFn = (args: readonly (number | bigint | undefined)[]) => EnvAccess;

export interface HelperDef {
  readonly name: string;
  readonly args: readonly IrType[];
  readonly ret: IrType | null;
  /**
   * The parts of env the helper may read or write besides the header (pc, exception
   * fields): ranges it may read and write, or a function of the call's constant
   * arguments giving them exactly. Omitted: all of env. A backend that keeps guest
   * registers in host locals writes back and reloads only these around the call. A
   * helper that can throw a GuestFault must leave this out: the whole state has to be in
   * env when it throws.
   */
  readonly envEffects?: readonly EnvRange[] | EnvEffectsFn;
  /** The implementation: (ctx, ...args). Return a number for i32/f32/f64, a bigint for i64. */
  readonly fn: (ctx: HelperContext, ...args: never[]) => number | bigint | void;
}

/** The env effects of one call of `h` (null: all of env). */
export function envAccessOf(h: HelperDef, args: readonly (number | bigint | undefined)[]): EnvAccess | null {
  const e = h.envEffects;
  if (e === undefined) return null;
  if (typeof e === 'function') return e(args);
  return { reads: e, writes: e };
}

/**
 * The env effects of a helper whose arguments at `positions` are register numbers: each
 * names the `stride`-byte register at base + n * stride (a non-constant one: all `count`
 * registers), and the helper also reads and writes `extra` (status registers, say).
 */
export function registerArgEffects(positions: readonly number[], base: number, stride: number, count: number, extra: readonly EnvRange[]): EnvEffectsFn {
  const all: EnvRange = { start: base, end: base + stride * count };
  return (args) => {
    const ranges: EnvRange[] = [...extra];
    for (const p of positions) {
      const n = args[p];
      if (typeof n !== 'number' || n < 0 || n >= count) return { reads: [all, ...extra], writes: [all, ...extra] };
      ranges.push({ start: base + n * stride, end: base + (n + 1) * stride });
    }
    return { reads: ranges, writes: ranges };
  };
}

/** A table of helpers, each declared to touch only `ranges` of env (see HelperDef.envEffects). */
export function withEnvEffects<N extends string>(defs: Record<N, HelperDef>, ranges: readonly EnvRange[] | EnvEffectsFn): Record<N, HelperDef> {
  const out = {} as Record<N, HelperDef>;
  for (const key of Object.keys(defs) as N[]) out[key] = { ...defs[key], envEffects: ranges };
  return out;
}

/** The helpers one emulator instance knows, numbered in registration order. */
export class HelperRegistry {
  private readonly defs: HelperDef[] = [];
  private readonly byName = new Map<string, number>();

  register(def: HelperDef): number {
    const known = this.byName.get(def.name);
    if (known !== undefined) return known;
    this.defs.push(def);
    this.byName.set(def.name, this.defs.length - 1);
    return this.defs.length - 1;
  }
  /** Registers every helper of a table and returns their ids by name. */
  registerAll<N extends string>(defs: Record<N, HelperDef>): Record<N, number> {
    const ids = {} as Record<N, number>;
    for (const key of Object.keys(defs) as N[]) ids[key] = this.register(defs[key]);
    return ids;
  }
  get(id: number): HelperDef {
    const d = this.defs[id];
    if (!d) throw new Error(`unknown helper id ${id}`);
    return d;
  }
  get all(): readonly HelperDef[] {
    return this.defs;
  }
}
