// AArch64 ldst-class handlers (placeholder until the class is written).
import type { Translators } from '../ldst.generated.js';
import type { DisasContext } from '../translate.js';

export const LDST_HANDLERS: Translators<DisasContext> = {};
