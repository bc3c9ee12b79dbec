// Helpers of the AArch64 scalar FP instructions (placeholder).
import type { HelperDef } from '../../tcg/helpers.js';

export const AARCH64_FP_HELPERS: Record<string, HelperDef> = {};
