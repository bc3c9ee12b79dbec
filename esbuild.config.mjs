// Bundles the CLI (src/cli/main.ts) into a CommonJS file, dist/qemu-user-ts.cjs, and the
// translation side (src/tcg/translate-side.ts: front ends, optimizer, wasm code generator) into
// a second, dist/qemu-user-ts-translate.cjs, which the first loads only when a run translates
// (a run taking everything from the translation cache never does), and the compile worker's
// script into a third, dist/qemu-user-ts-worker.cjs, and the guest-thread worker's into a
// fourth, dist/qemu-user-ts-thread.cjs. bin/qemu-user-ts compiles the first two, and a
// thread's worker the fourth (src/linux-user/threads.ts), each with a V8 code cache (CommonJS because node:vm can cache a script, not an ES module;
// each bundle is wrapped in the function a CommonJS module is, see `banner`).
// The translation side has its own copies of the modules it shares with the main bundle
// (IR, opcodes, helpers' registry, ...): they hold no state the two must share, and no
// class crosses between them where instanceof matters. `node esbuild.config.mjs` builds;
// no watch mode.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

// Node built-ins that dependencies require at load time but (almost) never use, replaced by
// the lazy shims in src/shims/: each costs start-up milliseconds to load.
const LAZY_BUILTINS = [
  { module: 'child_process', importer: /node_modules[\\/]commander[\\/]/, shim: 'src/shims/lazy-child-process.cjs' },
  { module: 'assert', importer: /node_modules[\\/]elfy[\\/]/, shim: 'src/shims/lazy-assert.cjs' },
  { module: 'module', importer: /src[\\/]host-lazy\.ts$/, shim: 'src/shims/lazy-module.cjs' },
];
// In the main bundle, the translation side is a stand-in that loads the second bundle.
const TRANSLATE_SIDE = resolve('src/tcg/translate-side.ts');
const lazyTranslateSide = {
  name: 'lazy-translate-side',
  setup(b) {
    b.onResolve({ filter: /translate-side\.js$/ }, (args) => {
      const target = resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts'));
      return target === TRANSLATE_SIDE ? { path: resolve('src/shims/lazy-translate-side.cjs') } : undefined;
    });
  },
};

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

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Whitespace and syntax minified, identifiers kept: stack traces name the real functions
  // and classes, and a run does not spend milliseconds on keepNames' __name calls (one per
  // function, at every start); the source map gives stack traces their places.
  minifyWhitespace: true,
  minifySyntax: true,
  // Non-ASCII characters escaped: bin/qemu-user-ts reads the bundle as latin1.
  charset: 'ascii',
  // Each bundle is one function expression, as Node wraps a CommonJS module, which
  // bin/qemu-user-ts compiles with node:vm and calls: the source it reads is the script
  // as is, not a string it must join to a wrapper and copy again (a 300 KB copy into fresh
  // pages at every start).
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  logLevel: 'warning',
  define: { QEMU_USER_TS_BUILD_ID: JSON.stringify(sourceHash('src')) },
};
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/qemu-user-ts.cjs', plugins: [lazyBuiltins, lazyTranslateSide] });
await build({ ...common, entryPoints: ['src/tcg/translate-side.ts'], outfile: 'dist/qemu-user-ts-translate.cjs', plugins: [lazyBuiltins] });
// The compile worker (src/tcg/compile-worker.ts) runs in a worker thread, which requires it
// (src/worker-start.ts): a plain CommonJS script (no function-expression wrapper, no code
// cache), with its own copy of the translation side.
await build({ ...common, banner: undefined, footer: undefined, entryPoints: ['src/tcg/compile-worker.ts'], outfile: 'dist/qemu-user-ts-worker.cjs', plugins: [lazyBuiltins] });
// Each guest thread after the first runs on a worker of its own (src/linux-user/thread-worker.ts),
// with its own copy of the translation side too, compiled with a code cache as the main bundle is.
await build({ ...common, entryPoints: ['src/linux-user/thread-worker.ts'], outfile: 'dist/qemu-user-ts-thread.cjs', plugins: [lazyBuiltins] });

// Fresh bundles get fresh V8 code caches (see bin/qemu-user-ts), made by running a riscv64
// and then an aarch64 program that starts threads, so that they hold the code every run
// needs, each front end's translators and a thread's code.
for (const name of ['qemu-user-ts', 'qemu-user-ts-translate', 'qemu-user-ts-thread']) rmSync(`dist/${name}.v8cache`, { force: true });
for (const program of ['tests/binaries/riscv64/bin/threads-exit', 'tests/binaries/aarch64/bin/threads-exit']) {
  if (!existsSync(program)) continue;
  execFileSync(process.execPath, ['bin/qemu-user-ts', program, 'syscall-exit'], {
    stdio: 'ignore',
    // Translation cache off: the translators must run to be in the code cache.
    env: { ...process.env, QEMU_USER_TS_CODE_CACHE: 'refresh', QEMU_USER_TS_CACHE_DIR: 'off' },
  });
}
