// koffi itself: finding and loading its native module (by the path our parent named, the
// platform package's, or the package), naming it for the emulator processes we start, and
// the process-wide lock that loading and binding through koffi hold, so that the process's
// exit never stops a worker half-way through them. host/libc.ts binds libc with it; the
// host-signal worker's source takes the lock's functions as text.

import { KOFFI_LOCK } from '../../memory/layout.js';

/** What is used here and in host/libc.ts of koffi. */
export interface Koffi {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  address(value: unknown): bigint;
  errno(): number;
  os: { errno: Record<string, number> };
}

/**
 * Names koffi's native module (its koffi.node) for the emulator processes we start: spares,
 * fork children and execve'd emulators require it by path, which skips resolving the
 * 'koffi' package, its JavaScript and its platform package (~9 ms of each start-up). Only
 * in the environments we give those (never a guest's: theirs come in the handover).
 */
const KOFFI_NATIVE_VAR = 'QEMU_USER_TS_KOFFI_NATIVE';
/** koffi's native module, once loaded. */
let koffiNative: string | undefined;

/** The environment entries an emulator process we start gets besides the handover's. */
export function emulatorEnvironment(): string[] {
  return koffiNative === undefined ? [] : [`${KOFFI_NATIVE_VAR}=${koffiNative}`];
}

/** The koffi.node our parent named (KOFFI_NATIVE_VAR), if it names one. */
function namedKoffiNative(): string | undefined {
  const named = process.env[KOFFI_NATIVE_VAR];
  return named?.endsWith('/koffi.node') ? named : undefined;
}

/** koffi's native module, if this process loaded koffi already or its parent named it (the host-signal worker requires it). */
export function knownKoffiNative(): string | undefined {
  return koffiNative ?? namedKoffiNative();
}

/** koffi's native module by `id` (a path, or a module id `req` resolves), if it loads; remembered for our children. */
function nativeKoffi(req: (id: string) => unknown, id: string): Koffi | undefined {
  try {
    const k = req(id) as Koffi;
    if (typeof k.load !== 'function') return undefined;
    const cache = (req as Partial<NodeJS.Require>).cache;
    koffiNative = id.startsWith('/') ? id : cache ? Object.keys(cache).find((path) => path.endsWith('/koffi.node')) : undefined;
    return k;
  } catch {
    return undefined; // moved or gone, or not this platform's
  }
}

/**
 * koffi: by the path our parent named; else the native module of the platform package
 * koffi installs beside itself (glibc's build for this architecture), which skips koffi's
 * JavaScript: its platform detection and the node:module and node:util it loads cost ~6 ms
 * of a start-up; else through the package (remembering its native module).
 */
export function loadKoffi(req: (id: string) => unknown): Koffi {
  const named = namedKoffiNative();
  const { platform, arch } = process;
  const k = (named && nativeKoffi(req, named)) || nativeKoffi(req, `@koromix/koffi-${platform}-${arch}/${platform}_${arch}/koffi.node`);
  if (k) return k;
  const pkg = req('koffi') as Koffi;
  const cache = (req as Partial<NodeJS.Require>).cache;
  koffiNative = cache ? Object.keys(cache).find((path) => path.endsWith('/koffi.node')) : undefined;
  return pkg;
}

/** This Node thread's view of the process's KOFFI_LOCK, once its guest memory exists. */
let koffiLock: Int32Array | undefined;
/** Set in the first thread as the process exits: its own bindings no longer take the lock. */
let koffiEnded = false;

/**
 * Guards this Node thread's koffi bindings with the lock word in the guest memory `buffer`
 * that all the process's threads share. Node stops the workers when the process exits, and
 * a worker stopped while koffi loads or binds a function or a callback type aborts the whole
 * process ("FATAL ERROR: Error::ThrowAsJavaScriptException napi_throw", exit 134 instead of
 * the guest's status; calls through a binding are safe). So binding holds the lock, and the
 * first thread's exit waits for a binding in progress, then takes the lock for good
 * (endKoffiAtExit).
 */
export function shareKoffiLock(buffer: ArrayBufferLike): void {
  if (koffiLock?.buffer !== buffer) koffiLock = new Int32Array(buffer, KOFFI_LOCK, 1);
}

let endsAtExit = false;

/** For the first thread (the one whose exit ends the process): at exit, endKoffi. */
export function endKoffiAtExit(): void {
  if (endsAtExit) return;
  endsAtExit = true;
  process.once('exit', () => {
    if (koffiLock) endKoffi(koffiLock);
  });
}

/** Waits (1 s at most) for a binding in progress in another thread, then lets none begin: the process is ending. */
export function endKoffi(lock: Int32Array): void {
  koffiEnded = true;
  const deadline = Date.now() + 1000;
  while (Atomics.compareExchange(lock, 0, 0, 2) === 1 && Date.now() < deadline) Atomics.wait(lock, 0, 1, 10);
}

/**
 * Takes `lock` (0 free, 1 held, 2 the process is ending: this worker is about to be stopped,
 * and waits for that); true once taken. A holder that never lets go (a thread that died
 * binding) is waited for 2 s, an ending that does not come 10 s, then false: go ahead
 * unguarded. Self-contained, as the host-signal worker's source takes its text.
 */
export function takeKoffiLock(lock: Int32Array): boolean {
  const start = Date.now();
  for (;;) {
    const was = Atomics.compareExchange(lock, 0, 0, 1);
    if (was === 0) return true;
    if (Date.now() - start > (was === 2 ? 10000 : 2000)) return false;
    Atomics.wait(lock, 0, was, was === 2 ? 1000 : 10);
  }
}

/** Lets go of `lock` if `held` (takeKoffiLock's answer); false. Self-contained, as takeKoffiLock. */
export function freeKoffiLock(lock: Int32Array, held: boolean): false {
  if (held) {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0);
  }
  return false;
}

/** Whether this Node thread is inside withKoffiLock (binding libc binds a function or two itself). */
let insideKoffiLock = false;

/** `bind()` with the process's koffi lock held (where it has one, and the process is not this thread's exit). */
export function withKoffiLock<T>(bind: () => T, lock = koffiEnded ? undefined : koffiLock): T {
  if (insideKoffiLock || lock === undefined) return bind();
  const held = takeKoffiLock(lock);
  insideKoffiLock = true;
  try {
    return bind();
  } finally {
    insideKoffiLock = false;
    freeKoffiLock(lock, held);
  }
}

