// Runs a TypeScript tool under Node 20 (which cannot strip types itself): bundles it
// with esbuild into a temporary file and imports it, passing the remaining arguments. The
// file goes under node_modules/.cache, so that the packages it imports resolve.
// Usage: node tools/run-ts.mjs tools/gen-decode.ts [args...]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run-ts.mjs TOOL.ts [args...]');
  process.exit(2);
}
const cache = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'run-ts-'));
const out = join(dir, 'tool.mjs');
await build({ entryPoints: [resolve(entry)], outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
process.argv = [process.argv[0], resolve(entry), ...args];
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
