// AArch64 simd-class handlers (placeholder until the class is written).
import type { Translators } from '../simd.generated.js';
import type { DisasContext } from '../translate.js';

export const SIMD_HANDLERS: Translators<DisasContext> = {};
