// AArch64 fp-class handlers (placeholder until the class is written).
import type { Translators } from '../fp.generated.js';
import type { DisasContext } from '../translate.js';

export const FP_HANDLERS: Translators<DisasContext> = {};
