// bin/qemu-user-ts run as a program: its shell lines move NODE_EXTRA_CA_CERTS aside so that
// Node.js does not load certificates at start, and the JavaScript gives it back to the
// guest. Run through `node`, the same file is the plain JavaScript launcher. And the second
// bundle: the translation side is loaded only by runs that translate.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './support/guest-runner.js';

const PRINTENV = join(ROOT, 'tests/binaries/riscv64/bin/printenv');
const CODE_CACHE = join(ROOT, 'dist/qemu-user-ts.v8cache');
const MISSING_CERTS = '/nonexistent/extra-certs.pem';
/** What Node.js prints when NODE_EXTRA_CA_CERTS names a file it cannot read. */
const CERT_WARNING = /Ignoring extra certs/;

/** Runs printenv under the launcher with `extra` added to (or, as undefined, removed from) the environment. */
function runPrintenv(how: 'program' | 'node', extra: Record<string, string | undefined>) {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const command = how === 'program' ? [CLI, PRINTENV] : [process.execPath, CLI, PRINTENV];
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', env, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return { vars: r.stdout.split('\n').filter((l) => l !== ''), stderr: r.stderr };
}

describe('the launcher run as a program', () => {
  it('keeps NODE_EXTRA_CA_CERTS from Node.js and gives it back to the guest', () => {
    const r = runPrintenv('program', { NODE_EXTRA_CA_CERTS: MISSING_CERTS, LAUNCHER_TEST_VAR: 'kept' });
    expect(r.stderr).not.toMatch(CERT_WARNING);
    expect(r.vars).toContain(`NODE_EXTRA_CA_CERTS=${MISSING_CERTS}`);
    expect(r.vars).toContain('LAUNCHER_TEST_VAR=kept');
    expect(r.vars.filter((l) => l.startsWith('QEMU_USER_TS_NODE_EXTRA_CA_CERTS='))).toEqual([]);
  });

  it('passes an empty NODE_EXTRA_CA_CERTS on as empty, and an unset one stays unset', () => {
    expect(runPrintenv('program', { NODE_EXTRA_CA_CERTS: '' }).vars).toContain('NODE_EXTRA_CA_CERTS=');
    const unset = runPrintenv('program', { NODE_EXTRA_CA_CERTS: undefined }).vars;
    expect(unset.filter((l) => /^(QEMU_USER_TS_)?NODE_EXTRA_CA_CERTS=/.test(l))).toEqual([]);
  });

  it('run through node, Node.js loads the certificates first (what the shell lines avoid)', () => {
    const r = runPrintenv('node', { NODE_EXTRA_CA_CERTS: MISSING_CERTS });
    expect(r.stderr).toMatch(CERT_WARNING);
    expect(r.vars).toContain(`NODE_EXTRA_CA_CERTS=${MISSING_CERTS}`);
  });

  it('gives V8 the same flags either way, so both take the same code cache', () => {
    const before = statSync(CODE_CACHE).mtimeMs;
    runPrintenv('program', {});
    runPrintenv('node', {});
    expect(statSync(CODE_CACHE).mtimeMs).toBe(before);
  });
});

describe('the translation side in its own bundle', () => {
  it('has the stand-in of the main bundle list exactly what src/tcg/translate-side.ts exports', async () => {
    const real = await import('../../src/tcg/translate-side.js');
    const shim = createRequire(import.meta.url)('../../src/shims/lazy-translate-side.cjs') as { TRANSLATE_SIDE_EXPORTS: string[] };
    expect([...shim.TRANSLATE_SIDE_EXPORTS].sort()).toEqual(Object.keys(real).sort());
  });

  const haveStrace = spawnSync('strace', ['-V']).status === 0;
  if (!haveStrace) console.warn('launcher test skipped: strace not found (apt-get install strace)');
  it.skipIf(!haveStrace)('is loaded by a run that translates, and not by one that takes everything from the translation cache (needs strace: apt-get install strace)', () => {
    const loadsTranslateSide = (cacheDir: string): boolean => {
      const r = spawnSync('strace', ['-f', '-e', 'trace=openat', CLI, join(ROOT, 'tests/binaries/riscv64/bin/hello')], {
        encoding: 'utf8',
        env: { LANG: 'C', PATH: process.env.PATH, QEMU_USER_TS_CACHE_DIR: cacheDir },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr.includes('qemu-user-ts-translate.cjs');
    };
    const dir = mkdtempSync(join(tmpdir(), 'launcher-cache-'));
    try {
      expect(loadsTranslateSide(dir)).toBe(true); // the first run translates
      expect(loadsTranslateSide(dir)).toBe(false);
      expect(loadsTranslateSide('off')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
