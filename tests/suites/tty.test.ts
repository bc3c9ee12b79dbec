// Terminal ioctls on a real terminal: the tty guest program (tests/binaries/*/src/c/tty.c)
// run under script(1), which gives it a pty as stdin and stdout, so that TCGETS, TCSETS,
// TIOCSWINSZ / TIOCGWINSZ, tcgetpgrp and tcsetpgrp reach a terminal (the manifest's run has none).

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, hostHas } from './support/guest-runner.js';

const haveScript = hostHas('script');
if (!haveScript) console.warn('terminal tests skipped: no script(1) (apt-get install bsdutils)');

/** Runs a command line under script(1): its output, with the pty's \r\n made \n. */
function underPty(command: string): { stdout: string; status: number | null } {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout.replace(/\r\n/g, '\n'), status: r.status };
}

describe.skipIf(!haveScript)('terminal ioctls under a pty', () => {
  for (const arch of ['riscv64', 'aarch64']) {
    it(arch, () => {
      const prog = join(ROOT, 'tests/binaries', arch, 'bin/tty');
      const mine = underPty(`${process.execPath} ${CLI} ${prog}`);
      expect(mine.stdout).toBe([
        'FIONREAD on a pipe holding 5 bytes: 5',
        'FIONREAD on a file at offset 100: size - 100 yes',
        'tcgetattr: 0, ECHO on, ICANON on',
        'tcsetattr without ECHO: 0',
        'ECHO now off',
        'restored: 0',
        'TIOCSWINSZ: 0',
        'TIOCGWINSZ: 0, 50 rows 132 columns',
        'tcgetpgrp > 0: yes',
        "tcsetpgrp to the child's group: 0, the foreground is the child's: yes",
        'tcsetpgrp back: 0, the foreground is ours: yes',
        'child: exited',
        '',
      ].join('\n'));
      expect(mine.status).toBe(0);
      if (hostHas(`qemu-${arch}`)) expect(mine.stdout).toBe(underPty(`qemu-${arch} ${prog}`).stdout);
    });
  }
});
