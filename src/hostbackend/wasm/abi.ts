// What a region module and the wasm backend agree on: the names of the module's imports and
// export, and the exit reason that reports a memory fault. Apart from codegen.ts, so that the
// backend (which runs modules) does not load the code generator (which makes them): a run
// whose regions all come from the translation cache never generates code.

/** Names of the module's imports; the backend supplies the import object. */
export const IMPORTS = {
  module: 'e',
  memory: 'mem',
  /** (env: i32, addr: i64, memop: i32) → i64: the checked load slow path; a fault sets env.FAULT. */
  load: 'ld',
  /** (env: i32, addr: i64, value: i64, size: i32) → (): the checked store slow path; a fault sets env.FAULT. */
  store: 'st',
  /** (env: i32, addr: i64, len: i32, write: i32) → (): checks an access (noting code writes); a fault sets env.FAULT. */
  check: 'chk',
  /** (env: i32, pc: i64, from: i32) → i32: the hub's dispatch (hub.ts), tail-called to continue at a pc outside the region (from: the region's first slot). */
  dispatch: 'disp',
  /** Helpers are imported as helpers.<id>. */
  helperModule: 'h',
  /**
   * i32 globals base0, base1, ...: the slot of each region's first block (its block i has
   * slot base + i). Imports, so that a module's bytes do not depend on where its blocks land
   * and another run can load them again; one per region, so that a run may load one region
   * of a module without giving slots to the others.
   */
  baseSlot: 'base',
} as const;

/** The names a module exports its regions' functions under, (env: i32, slot: i32) → i32: r0, r1, ... */
export const regionExport = (part: number): string => `r${part}`;
/** The name of the global import holding region `part`'s first slot. */
export const baseSlotImport = (part: number): string => `${IMPORTS.baseSlot}${part}`;

/** Exit reason used only between a region function and the backend: a memory fault is pending. */
export const FAULT_EXIT = 0x100;
