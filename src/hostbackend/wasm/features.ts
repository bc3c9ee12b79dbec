// What this host's WebAssembly engine can do beyond the baseline the backend needs,
// found out once by trying it. Today one thing: a fused multiply-add. Wasm has none in
// its core instruction set; relaxed SIMD's f64x2/f32x4.relaxed_madd is one on x86-64
// CPUs with FMA3 (and a plain multiply then add elsewhere), and Node 20's V8 has it
// behind a flag. The probe turns the flag on and checks that the result is really fused
// (a case where the product's rounding shows); if not, guest FMAs use the emulation in
// codegen.ts instead.

import { lazyBuiltin } from '../../host-lazy.js';
import { WasmBuilder } from './wasm-builder.js';

export interface WasmFeatures {
  /** f64x2.relaxed_madd / f32x4.relaxed_madd compute a*b+c with one rounding. */
  readonly fusedMadd: boolean;
}

let features: WasmFeatures | undefined;
const v8 = lazyBuiltin<typeof import('node:v8')>('node:v8');

export function wasmFeatures(): WasmFeatures {
  return (features ??= { fusedMadd: probeFusedMadd() });
}

/** Overrides what the probe found (tests of the code paths a host without the feature takes); undefined probes again. */
export function setWasmFeatures(f: WasmFeatures | undefined): void {
  features = f;
}

/** Whether relaxed_madd validates, runs and is fused here. */
function probeFusedMadd(): boolean {
  try {
    v8().setFlagsFromString('--experimental-wasm-relaxed-simd');
    const b = new WasmBuilder();
    const f = b.declareFunction(b.type(['f64', 'f64', 'f64'], ['f64']));
    b.exportFunction('f', f);
    b.beginFunction(f);
    // f64x2.extract_lane 0 (relaxed_madd(splat a, splat b, splat c))
    for (let i = 0; i < 3; i++) {
      b.localGet(b.param(i));
      b.f64x2Splat();
    }
    b.f64x2RelaxedMadd();
    b.f64x2ExtractLane(0);
    b.endFunction();
    const fn = new WebAssembly.Instance(new WebAssembly.Module(b.finish())).exports.f as (a: number, b: number, c: number) => number;
    // (1 + 2^-30)(1 - 2^-30) - 1 is -2^-60 exactly; rounding the product first gives 0.
    return fn(1 + 2 ** -30, 1 - 2 ** -30, -1) === -(2 ** -60);
  } catch {
    return false;
  }
}
