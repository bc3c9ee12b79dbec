// Signals sent to the emulator's host process reach the guest (host/host-signals.ts): the
// guest program host-signals prints what to send next and the driver here sends it with
// kill(2), stops and continues it, and finally kills it with a SIGINT left to its default
// action. Both guest architectures, both backends; the transcript must equal the expected
// one, which qemu-user (when installed) must print too.

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

/** Runs the guest, answering each line it prints with what that line asks for. */
function drive(command: string[]): Promise<Transcript> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const pid = child.pid!;
    let stdout = '';
    let stderr = '';
    let pending = '';
    let stopped = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const answer = (line: string): void => {
      const send = /^send (SIG[A-Z0-9]+)/.exec(line);
      if (send) {
        child.kill(send[1] as NodeJS.Signals);
        // an ignored signal changes nothing: after a while the guest is told to go on
        if (send[1] === 'SIGTERM') setTimeout(() => child.stdin.write('x'), 300);
      } else if (line === 'stopping') {
        const poll = setInterval(() => {
          if (state(pid) !== 'T') return;
          stopped = true;
          clearInterval(poll);
          child.kill('SIGCONT');
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
    }
    it.skipIf(!hostHas(QEMU[arch]))(`${QEMU[arch]} prints the same`, async () => {
      const r = await drive([QEMU[arch], program]);
      expect(r.stdout, r.stderr).toBe(EXPECTED);
      expect(r.signal).toBe('SIGINT');
    }, 70_000);
  });
}
