// Bundles the CLI (src/cli/main.ts) into one CommonJS file, dist/qemu-user-ts.cjs, which
// bin/qemu-user-ts compiles with a V8 code cache (CommonJS because node:vm can cache a
// script, not an ES module). `node esbuild.config.mjs` builds; no watch mode.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// Node built-ins that dependencies require at load time but (almost) never use, replaced by
// the lazy shims in src/shims/: each costs start-up milliseconds to load.
const LAZY_BUILTINS = [
  { module: 'child_process', importer: /node_modules[\\/]commander[\\/]/, shim: 'src/shims/lazy-child-process.cjs' },
  { module: 'assert', importer: /node_modules[\\/]elfy[\\/]/, shim: 'src/shims/lazy-assert.cjs' },
];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY_BUILTINS.map((l) => l.module).join('|')})$`) }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const hit = LAZY_BUILTINS.find((l) => l.module === name && l.importer.test(args.importer));
      return hit ? { path: resolve(hit.shim) } : undefined;
    });
  },
};

// The build's identity for the persistent translation cache (src/tcg/persist.ts): a hash of
// every source file, so that translations made by other translators are never taken.
function sourceHash(dir) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 24);
}

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/qemu-user-ts.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Minified, the bundle parses in noticeably less time at every start; names are kept for
  // error messages and the source map gives stack traces their places.
  minify: true,
  keepNames: true,
  // Non-ASCII characters escaped: bin/qemu-user-ts reads the bundle as latin1.
  charset: 'ascii',
  logLevel: 'warning',
  plugins: [lazyBuiltins],
  define: { QEMU_USER_TS_BUILD_ID: JSON.stringify(sourceHash('src')) },
});

// A fresh bundle gets a fresh V8 code cache (see bin/qemu-user-ts), made by running a
// riscv64 and then an aarch64 hello world, so that it holds the code every run needs and
// each front end's translators.
rmSync('dist/qemu-user-ts.v8cache', { force: true });
for (const hello of ['tests/binaries/riscv64/bin/hello', 'tests/binaries/aarch64/bin/hello']) {
  if (!existsSync(hello)) continue;
  execFileSync(process.execPath, ['bin/qemu-user-ts', hello], {
    stdio: 'ignore',
    // Translation cache off: the translators must run to be in the code cache.
    env: { ...process.env, QEMU_USER_TS_CODE_CACHE: 'refresh', QEMU_USER_TS_CACHE_DIR: 'off' },
  });
}
