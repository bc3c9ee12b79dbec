// Helpers of the AArch64 AdvSIMD instructions (placeholder).
import type { HelperDef } from '../../tcg/helpers.js';

export const AARCH64_SIMD_HELPERS: Record<string, HelperDef> = {};
