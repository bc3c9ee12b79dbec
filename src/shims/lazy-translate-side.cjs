// Bundled in place of src/tcg/translate-side.ts in the main bundle (see esbuild.config.mjs):
// the same exports, as getters that load the translation side from its own bundle,
// dist/qemu-user-ts-translate.cjs, the first time one is used. bin/qemu-user-ts provides the
// loader (compiling with a V8 code cache, as for the main bundle) under a global symbol: the
// bundles are function expressions that only it knows how to call (see esbuild.config.mjs).
'use strict';

/** The names src/tcg/translate-side.ts exports (tests/suites/launcher.test.ts checks them). */
const TRANSLATE_SIDE_EXPORTS = ['optimize', 'generateModule', 'createRiscvTranslator', 'createA64Translator'];
const BUNDLE = 'qemu-user-ts-translate';

let side;
function load() {
  if (side === undefined) {
    const loadBundle = globalThis[Symbol.for('qemu-user-ts.loadBundle')];
    if (loadBundle === undefined) throw new Error(`${BUNDLE}: load the bundles through bin/qemu-user-ts`);
    side = loadBundle(BUNDLE);
  }
  return side;
}

for (const name of TRANSLATE_SIDE_EXPORTS) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
exports.TRANSLATE_SIDE_EXPORTS = TRANSLATE_SIDE_EXPORTS;
