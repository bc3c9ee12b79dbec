// Bundled in place of node:module for src/host-lazy.ts (see esbuild.config.mjs): loading
// node:module also loads Node's ES module loader (about half a millisecond of every start),
// and host-lazy needs createRequire only when a built-in it defers is first used.
'use strict';
exports.createRequire = (...args) => require('node:module').createRequire(...args);
