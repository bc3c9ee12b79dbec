// The hub: one small wasm instance that owns the funcref table of every compiled region and
// lets a region jump to another without returning to the CPU loop (QEMU's
// lookup_and_goto_ptr). A region leaving for a pc outside itself tail-calls the hub's
// `dispatch(env, pc, from)`, which looks the pc up in the jump cache and tail-calls the
// region holding it (`return_call_indirect` on the block's slot); on a miss it stores env.pc
// and returns LOOKUP to whoever entered wasm, the CPU loop. Tail calls keep the wasm stack
// flat however long the chain. One hit in HOP_SAMPLE_RATE returns HOP_SAMPLE instead, with
// the slot the jump came from, so that the CPU loop still sees which regions keep jumping
// to each other (tb.ts merges them).
//
// Only the hub imports the table: in V8 11 every instance that imports a funcref table
// pays for its whole size at instantiation and again at every table write, so regions
// import just the hub's function.
//
//   (func $dispatch (param $env i32) (param $pc i64) (param $from i32) (result i32)
//     $e = JUMP_CACHE + env.jump_cache + ((i32)$pc >> 1 & (ENTRIES - 1)) * 16
//     if (i64.load $e == $pc)
//       if (--$countdown != 0) return_call_indirect (type $region) $env, $slot = i32.load $e+8
//       $countdown = HOP_SAMPLE_RATE; env.hop_from = $from; env.pc = $pc; return HOP_SAMPLE
//     env.pc = $pc; return LOOKUP)

import { ENV, ExitReason, HOP_SAMPLE_RATE } from '../../tcg/env.js';
import { JUMP_CACHE, JUMP_CACHE_ENTRIES, WASM_PAGES } from '../../memory/layout.js';
import { IMPORTS } from './abi.js';
import { WasmBuilder, type Local } from './wasm-builder.js';

/** A region function as the hub calls it: (env, slot) → ExitReason. */
export type RegionFn = (env: number, slot: number) => number;

/** The hub's export: (env, pc, from slot) → ExitReason, running the region that holds pc if the jump cache knows it. */
export type DispatchFn = (env: number, pc: bigint, from: number) => number;

const HUB_EXPORT = 'dispatch';
const ENTER_EXPORT = 'enter';
const INITIAL_SLOTS = 1024;

export class Hub {
  /** Slot → region function; grown as slots are handed out. */
  private readonly table: WebAssembly.Table;
  readonly dispatch: DispatchFn;
  /**
   * Runs the region holding `slot`: how the CPU loop enters translated code. One wasm
   * function called from one place in JS gets V8's specialized JS-to-wasm wrapper; calling
   * each region's own function there made that call site megamorphic, and V8 took its
   * generic wrapper (~50 ms of busybox awk's ~1 M entries).
   */
  readonly enter: RegionFn;

  /** countHops: each dispatch adds one to env.HUB_HOPS (for -d stats). */
  constructor(memory: WebAssembly.Memory, countHops: boolean) {
    this.table = new WebAssembly.Table({ element: 'anyfunc', initial: INITIAL_SLOTS });
    const instance = new WebAssembly.Instance(compiledHub(countHops), {
      [IMPORTS.module]: { [IMPORTS.memory]: memory, [HUB_TABLE]: this.table },
    });
    this.dispatch = instance.exports[HUB_EXPORT] as unknown as DispatchFn;
    this.enter = instance.exports[ENTER_EXPORT] as unknown as RegionFn;
  }

  /** Makes `slot` run `fn` when the hub dispatches to it. */
  set(slot: number, fn: RegionFn): void {
    const t = this.table;
    if (slot >= t.length) t.grow(Math.max(slot + 1 - t.length, t.length));
    t.set(slot, fn);
  }

  /** The slot's region is gone: a dispatch to it would be a bug, and traps. */
  clear(slot: number): void {
    if (slot < this.table.length) this.table.set(slot, null);
  }
}

const HUB_TABLE = 'slots';

/**
 * Pushes the address of pc's entry in the running CPU's jump cache: JUMP_CACHE +
 * env.JUMP_CACHE + ((i32)pc >> 1 & (ENTRIES - 1)) * 16 (layout.ts's jumpCacheIndex). Read
 * from env, so that one compiled module serves every thread.
 */
export function pushJumpCacheEntry(b: WasmBuilder, env: Local, pc: Local): void {
  b.localGet(pc);
  b.i32WrapI64();
  b.i32Const(1);
  b.i32ShrU();
  b.i32Const(JUMP_CACHE_ENTRIES - 1);
  b.i32And();
  b.i32Const(4);
  b.i32Shl();
  b.localGet(env);
  b.i32Load(ENV.JUMP_CACHE);
  b.i32Add();
  b.i32Const(JUMP_CACHE);
  b.i32Add();
}

/** The hub's module bytes (see the header). */
/** The hub's compiled module, by countHops: made once per Node (an execve run in place, a spare ahead of its fork: ~1-4 ms each). */
const compiledHubs = new Map<boolean, WebAssembly.Module>();

/** The hub's module for countHops, compiled at the first call. */
export function compiledHub(countHops: boolean): WebAssembly.Module {
  let module = compiledHubs.get(countHops);
  if (module === undefined) compiledHubs.set(countHops, (module = new WebAssembly.Module(hubModule(countHops))));
  return module;
}

function hubModule(countHops: boolean): Uint8Array<ArrayBuffer> {
  const b = new WasmBuilder();
  b.importMemory(IMPORTS.module, IMPORTS.memory, WASM_PAGES, WASM_PAGES, true);
  b.importTable(IMPORTS.module, HUB_TABLE, INITIAL_SLOTS);
  const regionType = b.type(['i32', 'i32'], ['i32']);
  const countdown = b.global('i32', HOP_SAMPLE_RATE);
  const dispatch = b.declareFunction(b.type(['i32', 'i64', 'i32'], ['i32']));
  b.exportFunction(HUB_EXPORT, dispatch);
  const enter = b.declareFunction(regionType);
  b.exportFunction(ENTER_EXPORT, enter);
  b.beginFunction(dispatch);
  const env = b.param(0);
  const pc = b.param(1);
  const from = b.param(2);
  const entry = b.allocLocal('i32');
  if (countHops) {
    // env.hub_hops += 1
    b.localGet(env);
    b.localGet(env);
    b.i64Load(ENV.HUB_HOPS);
    b.i64Const(1);
    b.i64Add();
    b.i64Store(ENV.HUB_HOPS);
  }
  pushJumpCacheEntry(b, env, pc);
  b.localTee(entry);
  // if (e.pc == pc)
  b.i64Load(0);
  b.localGet(pc);
  b.i64Eq();
  b.if();
  //   if (--countdown != 0) return_call_indirect region(env, e.slot)
  b.globalGet(countdown);
  b.i32Const(1);
  b.i32Sub();
  b.globalSet(countdown);
  b.globalGet(countdown);
  b.if();
  b.localGet(env);
  b.localGet(entry);
  b.i32Load(8);
  b.localTee(entry); // the slot, from here on
  b.localGet(entry);
  b.returnCallIndirect(regionType);
  b.end();
  //   countdown = RATE; env.hop_from = from; env.pc = pc; return HOP_SAMPLE
  b.i32Const(HOP_SAMPLE_RATE);
  b.globalSet(countdown);
  b.localGet(env);
  b.localGet(from);
  b.i32Store(ENV.HOP_FROM);
  b.localGet(env);
  b.localGet(pc);
  b.i64Store(ENV.PC);
  b.i32Const(ExitReason.HOP_SAMPLE);
  b.return();
  b.end();
  // env.pc = pc; return LOOKUP
  b.localGet(env);
  b.localGet(pc);
  b.i64Store(ENV.PC);
  b.i32Const(ExitReason.LOOKUP);
  b.freeLocal(entry);
  b.endFunction();
  // (func $enter (param $env i32) (param $slot i32) (result i32) return_call_indirect (type $region) $env, $slot, $slot)
  b.beginFunction(enter);
  b.localGet(b.param(0));
  b.localGet(b.param(1));
  b.localGet(b.param(1));
  b.returnCallIndirect(regionType);
  b.endFunction();
  return b.finish();
}
