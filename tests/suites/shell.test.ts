// A guest shell driving guest processes: Debian's arm64 busybox (static; from the sysroot
// `npm run fixtures` unpacks) running a script under -L with pipelines through external
// commands (the sysroot's coreutils, dynamically linked), command substitution, a
// subshell's status, a here-document, redirections to an fd, background jobs and `wait`,
// `trap` on a signal the shell sends itself, a loop of external commands, and a nested
// `sh -c` (the sysroot's dash), /proc/<pid> of a background job (its cmdline, comm, exe, maps and
// status name: the guest's, not the host's Node); and Debian's arm64 make running two recipes at once. Every fork, exec and wait of the run is ours (syscalls/exec.ts, fork.ts,
// syscalls/wait.ts). The output is checked against what the script must print; the same
// script under qemu-aarch64 prints the same only with binfmt_misc registered for it (its
// guest execve is the host's). Skips, naming the command, without the fixture.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './support/guest-runner.js';

const fixtures = process.env.QEMU_USER_TS_FIXTURES || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qemu-user-ts-fixtures');
const SYSROOT = join(fixtures, 'debian-arm64');
const BUSYBOX = join(SYSROOT, 'bin/busybox');
const have = existsSync(join(SYSROOT, '.packages')) && existsSync(BUSYBOX);
if (!have) console.warn(`guest shell skipped: no Debian arm64 sysroot with busybox at ${SYSROOT} (npm run fixtures)`);

const work = mkdtempSync(join(tmpdir(), 'guest-shell-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SCRIPT = `echo start
echo c b a | tr ' ' '\\n' | sort | tr '\\n' ' '; echo
x=$(echo sub; echo two); echo "got: $x"
(echo subshell; exit 3); echo "status $?"
cat <<END
here $((6*7))
END
exec 3>out.txt; echo redirected >&3; exec 3>&-; cat out.txt
sleep 0.1 & pid=$!; wait $pid; echo "waited $?"
(sleep 0.1; exit 4) & wait $!; echo "bg status $?"
trap 'echo trapped USR1' USR1; kill -USR1 $$; echo after trap
i=0; while [ $i -lt 10 ]; do /bin/true; i=$((i+1)); done; echo "ran $i"
false | true; echo "pipeline status $?"
sh -c 'exit 5'; echo "child sh $?"
sleep 100 & pid=$!
n=0; while read c < /proc/$pid/comm && [ "$c" != sleep ] && [ $n -lt 5000 ]; do n=$((n+1)); done
tr '\\0' ' ' < /proc/$pid/cmdline; echo; cat /proc/$pid/comm; readlink /proc/$pid/exe | grep -c -e 'bin/sleep$' -e 'bin/busybox$'; grep '^Name:' /proc/$pid/status
grep -c -e '/node$' -e 'libc\.so' /proc/$pid/maps; grep -q -e 'bin/busybox$' -e 'bin/sleep$' /proc/$pid/maps && echo "maps: the guest's"
kill $pid; wait $pid; echo "killed $?"
echo done
`;

const EXPECTED = `start
a b c 
got: sub
two
subshell
status 3
here 42
redirected
waited 0
bg status 4
trapped USR1
after trap
ran 10
pipeline status 0
child sh 5
sleep 100 
sleep
1
Name:\tsleep
0
maps: the guest's
killed 143
done
`;

/** a.out is made only once b.out's recipe has started: it finishes only when make runs both at once (-j2). */
const MAKEFILE = `all: a.out b.out
\tcat a.out b.out > all.out
\techo built
a.out:
\twhile [ ! -f b.flag ]; do sleep 0.05; done
\techo a > a.out
b.out:
\ttouch b.flag
\techo b > b.out
`;

describe.skipIf(!have)('a guest shell (busybox sh, arm64)', () => {
  for (const backend of ['wasm', 'interp']) {
    it(`runs pipelines, subshells, background jobs, traps and external commands (${backend})`, () => {
      const dir = mkdtempSync(join(work, `${backend}-`));
      writeFileSync(join(dir, 'script.sh'), SCRIPT);
      const r = spawnSync(process.execPath, [CLI, '-accel', `tcg,backend=${backend}`, '-L', SYSROOT, BUSYBOX, 'sh', 'script.sh'], { cwd: dir, encoding: 'utf8', timeout: 240_000 });
      expect(r.stdout, r.stderr).toBe(EXPECTED);
      expect(r.status).toBe(0);
    }, 250_000);
  }
  it('the guest\'s make runs two recipes at once (make -j2, recipes by the guest\'s dash)', () => {
    const dir = mkdtempSync(join(work, 'make-'));
    writeFileSync(join(dir, 'Makefile'), MAKEFILE);
    const r = spawnSync(process.execPath, [CLI, '-L', SYSROOT, join(SYSROOT, 'usr/bin/make'), '-s', '-j2'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout, r.stderr).toBe('built\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'all.out'), 'utf8')).toBe('a\nb\n');
  }, 130_000);
});
