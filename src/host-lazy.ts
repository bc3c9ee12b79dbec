// Host services kept off the start-up path: Node built-in modules loaded on first use
// (importing node:crypto, node:v8, node:tty or node:os up front costs milliseconds of every start),
// random bytes read from /dev/urandom, and a millisecond clock that does not load
// perf_hooks (the first use of the global `performance` costs about a millisecond).

import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

// Built-in modules resolve the same from anywhere: any absolute path will do as the base.
// Made at the first use (the bundle's node:module is a stand-in that loads it then).
let requireBuiltin: NodeJS.Require | undefined;

/** A getter for Node built-in module `name`, which loads it at the first call. */
export function lazyBuiltin<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (requireBuiltin ??= createRequire(process.execPath))(name) as T);
}

const crypto = lazyBuiltin<typeof import('node:crypto')>('node:crypto');

/** `n` bytes from the host's random source: /dev/urandom, else node:crypto (hosts without one). */
export function hostRandomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    return crypto().randomFillSync(out);
  }
  try {
    for (let got = 0; got < n; ) got += readSync(fd, out, got, n - got, null);
  } finally {
    closeSync(fd);
  }
  return out;
}

/** Monotonic milliseconds (for timing our own work). */
export function nowMs(): number {
  const [sec, ns] = process.hrtime();
  return sec * 1e3 + ns / 1e6;
}
