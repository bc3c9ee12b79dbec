// Bundled in place of node:assert for elfy (see esbuild.config.mjs), which only calls
// assert.equal: the check is made here and node:assert (slow to load at start-up) is
// loaded only to throw its own AssertionError when the check fails.
'use strict';
module.exports = {
  equal(actual, expected, message) {
    // eslint-disable-next-line eqeqeq -- assert.equal is loose equality.
    if (actual != expected) require('node:assert').equal(actual, expected, message);
  },
};
