// The `-d` log as the TCG layer sees it: which items are on, and where text goes.

export type TcgLogItem = 'in_asm' | 'op' | 'op_opt' | 'out_asm' | 'exec' | 'stats';

export interface TcgLog {
  has(item: TcgLogItem): boolean;
  write(text: string): void;
}

export const NO_LOG: TcgLog = { has: () => false, write: () => {} };
