// /proc/<pid>/maps text of a guest's address space, in the kernel's format: our own
// (vfs/proc.ts) and the one each process publishes for the others (vfs/proc-peers.ts).

import { statSync } from 'node:fs';
import type { Mapping } from '../../memory/address-space.js';
import type { LinuxProcess } from '../process.js';

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** /proc/self/maps: the guest's mappings in the kernel's format, neighbours that are one vma merged. */
export function procMaps(p: LinuxProcess): string {
  const lines: string[] = [];
  const devIno = new Map<string, string>();
  let prev: Mapping | null = null;
  const flush = (): void => {
    if (!prev) return;
    const m = prev;
    const perms = `${m.prot & 1 ? 'r' : '-'}${m.prot & 2 ? 'w' : '-'}${m.prot & 4 ? 'x' : '-'}${m.shared ? 's' : 'p'}`;
    let di = '00:00 0';
    if (m.name.startsWith('/') && !m.shared) {
      di = devIno.get(m.name) ?? fileDevIno(m.name);
      devIno.set(m.name, di);
    }
    const head = `${hex8(m.start)}-${hex8(m.end)} ${perms} ${hex8(m.name.startsWith('/') ? m.offset : 0)} ${di}`;
    // The kernel pads the name to column 73 (seq_pad) when there is one.
    lines.push(m.name ? `${head.padEnd(72)} ${m.name}` : head);
  };
  for (const m of p.as.mappings) {
    if (prev && prev.end === m.start && prev.prot === m.prot && prev.name === m.name && !prev.locked === !m.locked && prev.shared === m.shared && (!m.name.startsWith('/') || prev.offset + (prev.end - prev.start) === m.offset)) {
      prev.end = m.end;
      continue;
    }
    flush();
    prev = { ...m };
  }
  flush();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** "major:minor inode" of a mapped file, as the kernel prints them (new_encode_dev's split). */
function fileDevIno(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    const major = Number(((st.dev >> 8n) & 0xfffn) | ((st.dev >> 32n) & ~0xfffn));
    const minor = Number((st.dev & 0xffn) | ((st.dev >> 12n) & ~0xffn));
    return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')} ${st.ino}`;
  } catch {
    return '00:00 0';
  }
}

