// The CPU loop: find the block for env.pc, run it (chained blocks run on without
// coming back here), and handle what comes back — lookups and invalidations here,
// system calls and exceptions handed up to linux-user (or system mode) to deal with.

import type { HostBackend } from '../hostbackend/backend.js';
import { GuestFault, type GuestMemory } from '../memory/guest-memory.js';
import { ENV, Excp, ExcpAccess, ExitReason } from './env.js';
import type { TcgLog } from './log.js';
import type { TbCache } from './tb.js';
import { nowMs } from '../host-lazy.js';
import { ENV_AREA, ENV_BLOCK_SIZE, MAX_CPUS } from '../memory/layout.js';

export class CpuExec {
  /** Times the loop dispatched a block (entered translated code), for -d stats. */
  dispatches = 0;
  /** Milliseconds spent in translated code (helpers included); measured only with -d stats. */
  codeMs = 0;
  /** The part of codeMs spent in tier 0 (the interpreter of cold blocks), and the guest instructions it ran. */
  tier0Ms = 0;
  tier0Insns = 0;
  private readonly timing: boolean;
  /**
   * The env blocks as 32-bit words (env.PC is read as two), made once: run() starts at
   * every syscall. Only that area: element accesses through a typed array as long as the
   * whole 4 GiB memory (a length beyond V8's small integers) are slower.
   */
  private readonly words: Int32Array;

  constructor(
    private readonly mem: GuestMemory,
    private readonly tbs: TbCache,
    private readonly backend: HostBackend,
    private readonly log: TcgLog,
    /**
     * Called at an exit request (after it is cleared): true hands ExitReason.INTERRUPT to the
     * caller (a signal to take, say), false runs on. Without it the loop runs on.
     */
    private readonly onInterrupt?: () => boolean,
  ) {
    this.words = new Int32Array(mem.memory.buffer, ENV_AREA, (MAX_CPUS * ENV_BLOCK_SIZE) >> 2);
    this.timing = log.has('stats');
  }

  /**
   * Runs the CPU whose env block is at `env` until it makes a system call or raises an
   * exception (ExitReason.SYSCALL / EXCEPTION, details in env), or until an exit request
   * that onInterrupt hands on (ExitReason.INTERRUPT).
   */
  run(env: number): ExitReason {
    const dv = this.mem.dv;
    const words = this.words;
    const pcWord = (env - ENV_AREA + ENV.PC) >>> 2;
    const logExec = this.log.has('exec');
    this.tbs.syncSharedCode();
    for (;;) {
      const lo = words[pcWord];
      const hi = words[pcWord + 1];
      let reason: ExitReason;
      try {
        const tb = this.tbs.enter(lo, hi);
        if (logExec) this.log.write(`Trace 0: 0x${tb.slot.toString(16).padStart(8, '0')} [${tb.pc.toString(16).padStart(16, '0')}]\n`);
        this.dispatches++;
        if (this.timing) {
          const t0 = nowMs();
          const backend = this.tbs.backendOf(tb);
          try {
            reason = backend.run(tb.slot, env);
          } finally {
            const ms = nowMs() - t0;
            this.codeMs += ms;
            if (backend.name === 'tier0') {
              this.tier0Ms += ms;
              this.tier0Insns += tb.insns;
            }
          }
        } else {
          reason = this.tbs.backendOf(tb).run(tb.slot, env);
        }
      } catch (e) {
        if (!(e instanceof GuestFault)) throw e;
        // The backend stored the faulting instruction's pc; a fetch fault happens at the pc
        // this dispatch started from.
        if (e.access === 'exec') {
          words[pcWord] = lo;
          words[pcWord + 1] = hi;
        }
        dv.setInt32(env + ENV.EXCEPTION, e.mapped ? Excp.SEGV_ACCERR : Excp.SEGV_MAPERR, true);
        dv.setBigInt64(env + ENV.EXCEPTION_ADDR, e.addr, true);
        dv.setInt32(env + ENV.EXCEPTION_ACCESS, ExcpAccess[e.access], true);
        return ExitReason.EXCEPTION;
      }
      switch (reason) {
        case ExitReason.LOOKUP:
          continue;
        case ExitReason.HOP_SAMPLE:
          this.tbs.sampledHop(words[(env - ENV_AREA + ENV.HOP_FROM) >>> 2]);
          continue;
        case ExitReason.INVALIDATE:
          this.tbs.flush();
          continue;
        case ExitReason.INTERRUPT:
          // Translation changes ask running code to come back, and so do other guest threads
          // (a request to serve, a signal for this one).
          dv.setInt32(env + ENV.EXIT_REQUEST, 0, true);
          this.tbs.syncSharedCode();
          if (this.onInterrupt?.()) return reason;
          continue;
        default:
          return reason;
      }
    }
  }
}
