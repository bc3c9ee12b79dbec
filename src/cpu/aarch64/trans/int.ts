// AArch64 int-class handlers (placeholder until the class is written).
import type { Translators } from '../int.generated.js';
import type { DisasContext } from '../translate.js';

export const INT_HANDLERS: Translators<DisasContext> = {};
