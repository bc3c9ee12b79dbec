// Signals sent to the emulator's host process reach the guest (host/host-signals.ts): the
// guest program host-signals prints what to send next and the driver here sends it with
// kill(2), stops and continues it, and finally kills it with a SIGINT left to its default
// action. host-dispositions checks the host's action for each state of the guest's: the
// signals a parent ignored (sent through bin/qemu-user-ts's shell lines, under a shell that
// ignores them), and SIGPIPE at its default, handled, blocked and ignored, from kill and
// from writes to pipes and sockets nobody reads. Both guest architectures, both backends;
// each transcript must equal the expected one, which qemu-user (when installed) must print
// too: it forwards host signals itself. The same from a forked child, which has the
// handlers from its start (the driver then sends to the pid the child prints).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, hostHas } from './support/guest-runner.js';

const EXPECTED = [
  'send SIGINT', 'got SIGINT: yes, from kill: yes',
  'send SIGHUP', 'got SIGHUP: yes, from kill: yes',
  'send SIGWINCH', 'got SIGWINCH: yes, from kill: yes',
  'send SIGUSR1', 'got SIGUSR1: yes, from kill: yes',
  'send SIGQUIT', 'got SIGQUIT: yes, from kill: yes',
  'send SIGUSR2', 'blocked SIGUSR2 pending: yes', 'sigwait took SIGUSR2: yes',
  'send SIGTERM', 'ignored SIGTERM: still running',
  'stopping', 'continued, SIGCONT handler ran: yes',
  'send SIGINT to kill',
].join('\n') + '\n';

/** The "forked" run's child first takes two SIGUSR1s before it ever waits, then goes on as above ("pid N" left out). */
const EXPECTED_FORKED = [
  'send SIGUSR1', 'spinning with system calls, got SIGUSR1: yes',
  'send SIGUSR1', 'spinning, got SIGUSR1: yes',
].join('\n') + '\n' + EXPECTED;
const withoutPid = (stdout: string): string => stdout.replace(/^pid \d+\n/m, '');

interface Transcript { stdout: string; stderr: string; signal: NodeJS.Signals | null; status: number | null; stopped: boolean }

/** /proc/<pid>/stat's state letter ('T' when stopped), or '' once it is gone. */
function state(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return '';
  }
}

/**
 * Runs the guest, answering each line it prints with what that line asks for: "send SIGA
 * SIGB ...", those signals in that order; "stopping", a SIGCONT once it is stopped.
 */
function drive(command: string[]): Promise<Transcript> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    // the process signals go to: the guest's, or its forked child's once it says "pid N"
    let pid = child.pid!;
    let stdout = '';
    let stderr = '';
    let pending = '';
    let stopped = false;
    const timer = setTimeout(() => {
      if (pid !== child.pid) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }, 60_000);
    const answer = (line: string): void => {
      const forked = /^pid (\d+)$/.exec(line);
      if (forked) pid = Number(forked[1]);
      const send = /^send ((?:SIG[A-Z0-9]+ ?)+)/.exec(line);
      if (send) {
        const signals = send[1].trim().split(' ') as NodeJS.Signals[];
        for (const sig of signals) process.kill(pid, sig);
        // an ignored signal changes nothing: after a while the guest is told to go on
        if (signals[0] === 'SIGTERM') setTimeout(() => child.stdin.write('x'), 300);
      } else if (line === 'stopping') {
        const poll = setInterval(() => {
          if (state(pid) !== 'T') return;
          stopped = true;
          clearInterval(poll);
          process.kill(pid, 'SIGCONT');
        }, 20);
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      pending += d;
      for (let nl; (nl = pending.indexOf('\n')) >= 0; ) {
        answer(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, status, signal, stopped });
    });
  });
}

const QEMU = { riscv64: 'qemu-riscv64', aarch64: 'qemu-aarch64' } as const;

for (const arch of ['riscv64', 'aarch64'] as const) {
  const program = join(ROOT, 'tests/binaries', arch, 'bin/host-signals');
  describe(`host signals to a ${arch} guest`, () => {
    for (const backend of ['wasm', 'interp']) {
      it(`reach its handlers, stay pending, are ignored, stop it and kill it (${backend})`, async () => {
        const r = await drive([process.execPath, CLI, '-accel', `tcg,backend=${backend}`, program]);
        expect(r.stdout, r.stderr).toBe(EXPECTED);
        expect(r.stopped).toBe(true);
        expect(r.signal).toBe('SIGINT');
      }, 70_000);
      // a forked child has its parent's handlers from its start, caught before it ever waits (host-signals.ts catchFirst)
      it(`reach a forked child's inherited handlers, also before it waits (${backend})`, async () => {
        const r = await drive([process.execPath, CLI, '-accel', `tcg,backend=${backend}`, program, 'forked']);
        expect(withoutPid(r.stdout), r.stderr).toBe(EXPECTED_FORKED);
        expect(r.stopped).toBe(true);
        expect(r.signal).toBe('SIGINT');
      }, 70_000);
    }
    it.skipIf(!hostHas(QEMU[arch]))(`${QEMU[arch]} prints the same`, async () => {
      const r = await drive([QEMU[arch], program]);
      expect(r.stdout, r.stderr).toBe(EXPECTED);
      expect(r.signal).toBe('SIGINT');
      const forked = await drive([QEMU[arch], program, 'forked']);
      expect(withoutPid(forked.stdout), forked.stderr).toBe(EXPECTED_FORKED);
      expect(forked.signal).toBe('SIGINT');
    }, 140_000);
  });
}

/** host-dispositions' modes: what each prints, and how it ends (a signal, or an exit status). */
const DISPOSITIONS = {
  inherited: {
    stdout: [
      'SIGHUP at start: SIG_IGN', 'SIGINT at start: SIG_IGN', 'SIGQUIT at start: SIG_DFL', 'SIGPIPE at start: SIG_DFL',
      'QEMU_USER_TS_SIGIGN in the environment: no',
      'send SIGHUP SIGINT SIGUSR1', 'ignored SIGHUP and SIGINT: still running',
      'send SIGHUP to kill',
    ],
    end: 'SIGHUP',
  },
  default: {
    stdout: ['SIGPIPE at start: SIG_DFL', 'datagram send: Broken pipe, still running', 'send SIGPIPE to kill'],
    end: 'SIGPIPE',
  },
  write: { stdout: ['writing to a pipe without readers'], end: 'SIGPIPE' },
  handler: {
    stdout: [
      'send SIGPIPE', 'got SIGPIPE 1 time(s), from kill: yes',
      'pipe write: Broken pipe, handler ran 1 time(s), SI_USER from itself: yes',
      'stream send, MSG_NOSIGNAL: Broken pipe, handler ran 0 time(s)',
      'stream send: Broken pipe, handler ran 1 time(s)',
      'datagram send: Broken pipe, handler ran 0 time(s)',
      'send SIGUSR1', 'later SIGPIPEs: 0',
      'blocked, pipe write: Broken pipe, SIGPIPE pending: yes',
      'sigwaitinfo took SIGPIPE: yes, SI_USER from itself: yes',
    ],
    end: 0,
  },
  ignored: {
    stdout: ['pipe write, SIGPIPE ignored: Broken pipe', 'send SIGPIPE SIGUSR1', 'ignored SIGPIPE: still running'],
    end: 0,
  },
} as const;

/**
 * The command line running `mode` of host-dispositions under `emulator`: for "inherited",
 * through a shell that ignores SIGHUP and SIGINT first, and our launcher as a program (its
 * shell lines pass the ignored signals on; Node itself would reset them).
 */
function dispositionsRun(emulator: string[], program: string, mode: keyof typeof DISPOSITIONS): string[] {
  if (mode !== 'inherited') return [...emulator, program, mode];
  const command = emulator[0] === process.execPath ? emulator.slice(1) : emulator;
  return ['/bin/sh', '-c', 'trap "" HUP INT; exec "$@"', 'sh', ...command, program, mode];
}

for (const arch of ['riscv64', 'aarch64'] as const) {
  const program = join(ROOT, 'tests/binaries', arch, 'bin/host-dispositions');
  const emulators: Array<[string, string[]]> = [
    ['wasm', [process.execPath, CLI, '-accel', 'tcg,backend=wasm']],
    ['interp', [process.execPath, CLI, '-accel', 'tcg,backend=interp']],
  ];
  if (hostHas(QEMU[arch])) emulators.push([QEMU[arch], [QEMU[arch]]]);
  describe(`the host's actions for a ${arch} guest`, () => {
    for (const [name, emulator] of emulators) {
      for (const mode of Object.keys(DISPOSITIONS) as Array<keyof typeof DISPOSITIONS>) {
        it(`${mode} (${name})`, async () => {
          const r = await drive(dispositionsRun(emulator, program, mode));
          const want = DISPOSITIONS[mode];
          expect(r.stdout, r.stderr).toBe(want.stdout.join('\n') + '\n');
          if (typeof want.end === 'string') expect(r.signal, r.stderr).toBe(want.end);
          else expect(r.status, r.stderr).toBe(want.end);
        }, 70_000);
      }
    }
  });
}
