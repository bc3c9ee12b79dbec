// The qemu-user-ts entry point (bundled by esbuild into dist/qemu-user-ts.cjs, which
// bin/qemu-user-ts runs). Parses the QEMU-style command line, checks the program
// can be opened, and hands over to linux-user's runGuest. A UserError is printed as
// one line `qemu-user-ts: message` with status 1; anything else is a bug: its stack
// is printed and the status is EX_SOFTWARE (70). Output goes straight to fds 1 and 2
// with writeSync: creating process.stdout/stderr loads Node's stream, net and tty
// modules, which costs every start-up more than 10 ms.

import { writeSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { runGuest } from '../linux-user/main.js';
import { checkProgramFile } from '../loader/elf.js';
import { UserError } from '../user-error.js';
import { INHERITED_IGNORED_VAR, parseCommandLine, PROGRAM_NAME } from './options.js';

/** sysexits.h EX_SOFTWARE: an internal error. */
export const EXIT_INTERNAL_ERROR = 70;
export const EXIT_USER_ERROR = 1;

/** Runs the CLI with `args` (process.argv.slice(2)); resolves to the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  try {
    const cl = parseCommandLine(args, { env: process.env, version: packageJson.version });
    delete process.env[INHERITED_IGNORED_VAR]; // bin/qemu-user-ts's word for this process alone
    if (cl.kind === 'exit') {
      writeAll(1, cl.stdout);
      return cl.status;
    }
    checkProgramFile(cl.options.program);
    // runGuest is synchronous today; awaiting keeps this right if it becomes async.
    return await Promise.resolve(runGuest(cl.options));
  } catch (e) {
    if (e instanceof UserError) {
      writeAll(2, `${PROGRAM_NAME}: ${e.message}\n`);
      return e.exitCode;
    }
    writeAll(2, `${PROGRAM_NAME}: internal error (a bug, please report it):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_INTERNAL_ERROR;
  }
}

/** Writes `text` to file descriptor `fd` (a closed or broken stdout is not our error). */
function writeAll(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // EPIPE or EBADF: nobody is reading, as with a failed write to a closed stream.
  }
}

// No top-level await: the bundle is CommonJS (see esbuild.config.mjs). Everything was
// written synchronously, so there is nothing to flush before exiting.
void main(process.argv.slice(2)).then((status) => process.exit(status));
