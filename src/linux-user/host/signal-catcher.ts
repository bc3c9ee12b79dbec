// Host signals caught on the first thread without a worker: a libuv loop of our own (libuv
// is the node binary's, called through koffi, as host-signals.ts's worker calls it), which
// nothing runs but poll(), with one uv_signal handle per signal caught. libuv's process-wide
// handler, on whichever thread the signal comes to, writes it to this loop's pipe, where it
// waits until poll() runs the loop once without blocking and the handles' callback notes
// it: a signal caught here is neither lost nor acted on by the host, only noticed at the
// next poll. host-signals.ts uses it while the worker that follows signals as they come
// starts (40-130 ms, which no guest call waits for), and for a forked child's first moments
// without that worker: it costs ~35 ms of CPU to start (as much as the rest of a spare), and
// a shell's child, which inherits the shell's handlers and execs at once, never needs it.
// Only libc.ts binds this file.

/** What is used here of koffi. */
export interface KoffiForUv {
  load(path: string | null): { func(signature: string): (...args: unknown[]) => unknown };
  proto(signature: string): unknown;
  pointer(type: unknown): unknown;
  register(fn: (handle: unknown, signum: number) => void, type: unknown): unknown;
  unregister(callback: unknown): void;
}

/** Host signals caught and kept for poll(). */
export interface HostSignalCatcher {
  /** Catches host signal `sig` from now on; false if libuv would not. */
  catch(sig: number): boolean;
  /** The signals caught since the last poll (bit sig-1), taken from the pipe without waiting. */
  poll(): bigint;
  /** Stops catching (libuv gives the host's default action back to a signal no other handle has) and frees the loop. */
  close(): void;
}

/** uv_handle_type's UV_SIGNAL, and uv_run_mode's UV_RUN_NOWAIT. */
const UV_SIGNAL = 16;
const UV_RUN_NOWAIT = 2;

type UvFunctions = ReturnType<typeof uvFunctions>;

function uvFunctions(koffi: KoffiForUv) {
  const uv = koffi.load(null);
  const fn = <A extends unknown[], R = number>(signature: string) => uv.func(signature) as (...args: A) => R;
  const caughtCb = koffi.proto('void QemuUserTsCaughtCb(void *handle, int signum)');
  return {
    koffi,
    caughtCb,
    loopSize: fn<[], number | bigint>('size_t uv_loop_size()'),
    handleSize: fn<[number], number | bigint>('size_t uv_handle_size(int type)'),
    loopInit: fn<[Buffer]>('int uv_loop_init(void *loop)'),
    loopClose: fn<[Buffer]>('int uv_loop_close(void *loop)'),
    run: fn<[Buffer, number]>('int uv_run(void *loop, int mode)'),
    signalInit: fn<[Buffer, Buffer]>('int uv_signal_init(void *loop, void *handle)'),
    signalStart: fn<[Buffer, unknown, number]>('int uv_signal_start(void *handle, QemuUserTsCaughtCb *cb, int signum)'),
    signalStop: fn<[Buffer]>('int uv_signal_stop(void *handle)'),
    close: fn<[Buffer, null], void>('void uv_close(void *handle, void *cb)'),
  };
}

/** The functions, bound once per process (a koffi prototype can be declared once). */
let bound: UvFunctions | undefined;

/** A new catcher (host/libc.ts's signalCatcher()). */
export function newSignalCatcher(koffi: KoffiForUv): HostSignalCatcher {
  const uv = (bound ??= uvFunctions(koffi));
  // libuv keeps pointers to the loop and the handles: buffers that live as long as the catcher
  const loop = Buffer.alloc(Number(uv.loopSize()));
  if (uv.loopInit(loop) !== 0) throw new Error('uv_loop_init');
  const handles = new Map<number, Buffer>();
  let caught = 0n;
  const callback = uv.koffi.register((_handle, signum) => {
    caught |= 1n << BigInt(signum - 1);
  }, uv.koffi.pointer(uv.caughtCb));
  let open = true;
  return {
    catch(sig) {
      if (!open) return false;
      if (handles.has(sig)) return true;
      const h = Buffer.alloc(Number(uv.handleSize(UV_SIGNAL)));
      if (uv.signalInit(loop, h) !== 0) return false;
      if (uv.signalStart(h, callback, sig) !== 0) {
        uv.close(h, null);
        uv.run(loop, UV_RUN_NOWAIT);
        return false;
      }
      handles.set(sig, h);
      return true;
    },
    poll() {
      if (open) uv.run(loop, UV_RUN_NOWAIT);
      const out = caught;
      caught = 0n;
      return out;
    },
    close() {
      if (!open) return;
      open = false;
      for (const h of handles.values()) {
        uv.signalStop(h);
        uv.close(h, null);
      }
      // the closes finish in a turn of the loop (and whatever came meanwhile is dropped)
      uv.run(loop, UV_RUN_NOWAIT);
      uv.loopClose(loop);
      handles.clear();
      uv.koffi.unregister(callback);
    },
  };
}
