// Bundled in place of node:child_process for commander (see esbuild.config.mjs): commander
// only spawns for executable subcommands, which qemu-user-ts does not have, yet requiring
// child_process at start-up loads net, dgram and the stream modules (milliseconds of every
// run). The real module is loaded on first use.
'use strict';
let real;
const load = () => (real ??= require('node:child_process'));
module.exports = new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });
