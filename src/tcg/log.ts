// The `-d` log as the TCG layer sees it: which items are on, and where text goes.

import { writeSync } from 'node:fs';

export type TcgLogItem = 'in_asm' | 'op' | 'op_opt' | 'out_asm' | 'exec' | 'stats';

export interface TcgLog {
  has(item: TcgLogItem): boolean;
  write(text: string): void;
}

export const NO_LOG: TcgLog = { has: () => false, write: () => {} };

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd` (the log: a -D file, or stderr), waiting while a pipe that
 * Node made non-blocking is full (EAGAIN) rather than failing: a guest making a flood of
 * system calls under -strace fills a slow reader's pipe.
 */
export function writeLogText(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
