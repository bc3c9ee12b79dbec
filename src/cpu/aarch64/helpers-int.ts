// Helpers of the AArch64 integer and system instructions (placeholder).
import type { HelperDef } from '../../tcg/helpers.js';

export const AARCH64_INT_HELPERS: Record<string, HelperDef> = {};
