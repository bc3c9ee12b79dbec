// Bundles the CLI (src/cli/main.ts) into one ESM file, dist/qemu-user-ts.mjs, which
// bin/qemu-user-ts launches. `node esbuild.config.mjs` builds; no watch mode.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/qemu-user-ts.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // commander and memfs are CommonJS; this banner gives them a require() inside ESM.
  banner: { js: "import { createRequire as __qemuCreateRequire } from 'node:module'; const require = __qemuCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
