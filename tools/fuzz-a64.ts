// Differential instruction fuzzer for the AArch64 front end (a development tool, not part
// of `npm test`). It draws random encodings from the patterns of our decode tables
// (src/cpu/aarch64/*.decode: the free bits random, the fixed bits as the table says),
// builds a static guest program that runs each one from a random register state
// (tests/binaries/aarch64/src/fuzz: harness.c + enter.S + the generated stubs), runs that program under
// qemu-aarch64 and under qemu-user-ts, and reports every case whose registers, NZCV, FPSR
// or FPCR differ afterwards, grouped by pattern, with the registers that differ.
//
//   node tools/run-ts.mjs tools/fuzz-a64.ts [--classes int,fp,simd] [--per N] [--seed S]
//        [--only REGEX] [--dir DIR] [--backend wasm|interp|tier0] [--examples N] [--qemu-cpu MODEL]
//        [--emit]
//
// Our side runs with `-accel tcg,backend=B,tier0=off`, so that the chosen backend runs
// every case (tier 0 would interpret a case that runs once, whatever the backend);
// `--backend tier0` runs the default configuration instead, where tier 0 interprets each
// case (each runs once), without the translation cache.
//
// --emit writes the cases on which both emulators ran and agree to
// tests/binaries/aarch64/src/fuzz/cases.S, the corpus of the `fuzz` guest test program
// (rebuild it with `make -C tests/binaries/aarch64 bin/fuzz expected`).
//
// Needs aarch64-linux-gnu-gcc, qemu-aarch64 and a built dist/ (npm run build).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPatterns, parseDecode } from './gen-decode.js';

const ROOT = resolve(process.argv[1] ?? '.', '../..'); // run-ts.mjs sets argv[1] to this file
const CLASSES = { int: 'a64-int.decode', fp: 'a64-fp.decode', simd: 'a64-simd.decode' } as const;
type ClassName = keyof typeof CLASSES;

/** Patterns that branch, trap, touch memory or system state: not for a register-only harness. */
const SKIP = new Set([
  'B', 'BL', 'BLR', 'BR', 'RET', 'B_cond', 'CBZ', 'CBNZ', 'TBZ', 'TBNZ', 'SVC', 'BRK', 'MRS', 'MSR_reg', 'SYS',
  'HINT', 'CLREX', 'DMB', 'DSB', 'ISB', 'ldst_mult', 'ldst_single',
]);

interface Options {
  classes: ClassName[];
  per: number;
  seed: number;
  only?: RegExp;
  dir: string;
  backend: string;
  examples: number;
  qemuCpu: string;
  emit: boolean;
  /** Uniformly random words of the data-processing and SIMD&FP encoding groups instead of table patterns. */
  random: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { classes: ['int', 'fp', 'simd'], per: 20, seed: 1, dir: join(tmpdir(), 'fuzz-a64'), backend: 'wasm', examples: 3, qemuCpu: 'max', emit: false, random: 0 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--classes': o.classes = v.split(',') as ClassName[]; i++; break;
      case '--per': o.per = Number(v); i++; break;
      case '--seed': o.seed = Number(v); i++; break;
      case '--only': o.only = new RegExp(v); i++; break;
      case '--dir': o.dir = resolve(v); i++; break;
      case '--backend': o.backend = v; i++; break;
      case '--examples': o.examples = Number(v); i++; break;
      case '--qemu-cpu': o.qemuCpu = v; i++; break;
      case '--emit': o.emit = true; break;
      case '--random': o.random = Number(v); i++; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return o;
}

interface Case { word: number; pattern: string; cls: ClassName }

function makeCases(o: Options): Case[] {
  let s = BigInt(o.seed) * 0x9e3779b97f4a7c15n || 1n;
  const rand32 = (): number => {
    s ^= (s << 13n) & 0xffffffffffffffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffffffffffffffffn;
    return Number((s >> 16n) & 0xffffffffn);
  };
  const cases: Case[] = [];
  if (o.random) {
    // op0 (bits 28:25): 100x data processing (immediate), x101 (register), x111 SIMD&FP.
    const op0s = [0b1000, 0b1001, 0b0101, 0b1101, 0b0111, 0b1111];
    for (let k = 0; k < o.random; k++) {
      let word = ((rand32() & ~(0xf << 25)) | (op0s[rand32() % op0s.length] << 25)) >>> 0;
      const cls: ClassName = ((word >>> 25) & 7) === 7 ? 'simd' : 'int';
      if (cls === 'int' && (word & 31) === 31) word = (word & ~31) | (rand32() % 31);
      cases.push({ word: word >>> 0, pattern: 'random', cls });
    }
    return cases;
  }
  for (const cls of o.classes) {
    const file = join(ROOT, 'src/cpu/aarch64', CLASSES[cls]);
    const table = parseDecode(readFileSync(file, 'utf8'), { width: 32, source: file });
    for (const p of listPatterns(table)) {
      if (SKIP.has(p.name) || (o.only && !o.only.test(p.name))) continue;
      for (let k = 0; k < o.per; k++) {
        let word = (p.bits | (rand32() & ~p.mask)) >>> 0;
        // Keep SP out of the destination: the harness addresses its state block through SP.
        if (cls === 'int' && (p.mask & 31) === 0 && (word & 31) === 31) word = (word & ~31) | (rand32() % 31);
        cases.push({ word: word >>> 0, pattern: p.name, cls });
      }
    }
  }
  return cases;
}

const FUZZ_SRC = 'tests/binaries/aarch64/src/fuzz';

/** The stubs, word table and count of a corpus, as assembly: one `S word` line per case. */
function casesAsm(cases: Case[], header: string[]): string {
  const asm: string[] = [
    ...header,
    '// S word: a stub (load X30, the instruction, branch to leave), its address and its word in the tables.',
    '    .macro S word',
    '    .text',
    '1:  ldr x30, [sp, #240]',
    '    .inst \\word',
    '    b leave',
    '    .section .rodata.fuzz_stubs, "a"',
    '    .quad 1b',
    '    .section .rodata.fuzz_words, "a"',
    '    .word \\word',
    '    .endm',
    '    .section .rodata.fuzz_stubs, "a"',
    '    .balign 8',
    '    .globl fuzz_stubs',
    'fuzz_stubs:',
    '    .section .rodata.fuzz_words, "a"',
    '    .balign 4',
    '    .globl fuzz_words',
    'fuzz_words:',
    '    .text',
    '    .balign 4',
  ];
  for (const c of cases) asm.push(`S 0x${c.word.toString(16).padStart(8, '0')}`);
  asm.push('    .section .rodata', '    .balign 4', '    .globl fuzz_count', `fuzz_count: .word ${cases.length}`, '    .section .note.GNU-stack, "", @progbits', '');
  return asm.join('\n');
}

/** The compiler flags of the harness (also in tests/binaries/aarch64/Makefile). */
export const HARNESS_CFLAGS = ['-O2', '-static', '-nostdlib', '-ffreestanding', '-fno-builtin', '-fno-tree-loop-distribute-patterns', '-Wl,--build-id=none', '-Wl,-z,noexecstack'];

function build(o: Options, cases: Case[]): string {
  mkdirSync(o.dir, { recursive: true });
  const casesS = join(o.dir, 'cases.S');
  writeFileSync(casesS, casesAsm(cases, []));
  const exe = join(o.dir, 'harness');
  const src = join(ROOT, FUZZ_SRC);
  execFileSync('aarch64-linux-gnu-gcc', [...HARNESS_CFLAGS, '-o', exe, join(src, 'harness.c'), join(src, 'enter.S'), casesS], { stdio: 'inherit' });
  return exe;
}

/** objdump's text for each case's instruction word. */
function disassemble(dir: string, cases: Case[]): string[] {
  const src = join(dir, 'words.S');
  const obj = join(dir, 'words.o');
  writeFileSync(src, cases.map((c) => `    .inst 0x${c.word.toString(16)}`).join('\n') + '\n');
  execFileSync('aarch64-linux-gnu-as', ['-o', obj, src]);
  const text = execFileSync('aarch64-linux-gnu-objdump', ['-d', '--no-show-raw-insn', obj], { maxBuffer: 1 << 30 }).toString();
  const out = new Array<string>(cases.length).fill('?');
  for (const l of text.split('\n')) {
    const m = /^\s+([0-9a-f]+):\s*(.*)$/.exec(l);
    if (m) out[parseInt(m[1], 16) / 4] = m[2].replace(/\s+/g, ' ');
  }
  return out;
}

interface RunResult { hashes: Map<number, string>; died: Map<number, string> }

/** Runs the given cases under `cmd` (numbers on stdin), restarting after a case that kills the program. */
function runCases(cmd: string[], exe: string, list: number[]): RunResult {
  const hashes = new Map<number, string>();
  const died = new Map<number, string>();
  let rest = list;
  while (rest.length) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), exe, '-'], { input: rest.join('\n'), maxBuffer: 1 << 30, encoding: 'utf8' });
    let done = 0;
    for (const l of r.stdout.split('\n')) {
      const m = /^(\d+) ([0-9a-f]+)$/.exec(l);
      if (m) { hashes.set(Number(m[1]), m[2]); done++; }
    }
    if (r.status === 0 && done === rest.length) break;
    const why = r.signal ?? `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').pop() ?? ''}`;
    died.set(rest[done], why);
    rest = rest.slice(done + 1);
  }
  return { hashes, died };
}

function verbose(cmd: string[], exe: string, i: number, mode: 'in' | 'out'): string[] {
  const r = spawnSync(cmd[0], [...cmd.slice(1), exe, String(i), String(i + 1), mode], { encoding: 'utf8' });
  return (r.stdout.trim().split(' ')).slice(1);
}

const REG_NAMES = [
  ...Array.from({ length: 31 }, (_, i) => `x${i}`), 'nzcv', 'fpsr', 'fpcr', 'sp', 'pad',
  ...Array.from({ length: 32 }, (_, i) => `v${i}`),
];

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const cases = makeCases(o);
  console.log(`${cases.length} cases from ${new Set(cases.map((c) => c.pattern)).size} patterns; building in ${o.dir}`);
  const exe = build(o, cases);
  const dis = disassemble(o.dir, cases);
  if (o.random) cases.forEach((c, i) => (c.pattern = `${dis[i].split(' ')[0]} (random)`));
  const qemu = ['qemu-aarch64', '-cpu', o.qemuCpu];
  const accel = o.backend === 'tier0' ? 'tcg,cache=off' : `tcg,backend=${o.backend},tier0=off`;
  const ours = ['node', join(ROOT, 'bin/qemu-user-ts'), '-accel', accel];
  let t = Date.now();
  const all = cases.map((_, i) => i);
  const q = runCases(qemu, exe, all);
  console.log(`qemu-aarch64: ${q.hashes.size} ran, ${q.died.size} killed (${Date.now() - t} ms)`);
  t = Date.now();
  // What qemu ran, in one go; of what killed it, a few per pattern (each costs a restart).
  const rejected = new Map<string, number[]>();
  for (const i of q.died.keys()) {
    const l = rejected.get(cases[i].pattern) ?? [];
    if (l.length < o.examples) l.push(i);
    rejected.set(cases[i].pattern, l);
  }
  const u = runCases(ours, exe, [...all.filter((i) => q.hashes.has(i)), ...[...rejected.values()].flat()]);
  console.log(`qemu-user-ts: ${u.hashes.size} ran, ${u.died.size} killed (${Date.now() - t} ms)`);

  type Stat = { total: number; bad: number; weReject: number; qemuRejects: number; examples: number[] };
  const stats = new Map<string, Stat>();
  cases.forEach((c, i) => {
    const st = stats.get(c.pattern) ?? { total: 0, bad: 0, weReject: 0, qemuRejects: 0, examples: [] };
    stats.set(c.pattern, st);
    st.total++;
    const qh = q.hashes.get(i);
    const uh = u.hashes.get(i);
    if (qh === undefined && (uh === undefined || !u.died.has(i) && !u.hashes.has(i))) return;
    if (qh === undefined) st.qemuRejects++;
    else if (uh === undefined) st.weReject++;
    else if (qh === uh) return;
    else st.bad++;
    if (st.examples.length < o.examples) st.examples.push(i);
  });

  let failing = 0;
  for (const [name, st] of stats) {
    if (!st.bad && !st.weReject && !st.qemuRejects) continue;
    failing++;
    console.log(`\n== ${name}: ${st.total} cases, ${st.bad} differ, ${st.weReject} killed only under qemu-user-ts, ${st.qemuRejects} killed only under qemu`);
    for (const i of st.examples) {
      const c = cases[i];
      const head = `  #${i} ${c.word.toString(16).padStart(8, '0')}  ${dis[i]}`;
      if (!q.hashes.has(i)) { console.log(`${head}  -- qemu: ${q.died.get(i)}`); continue; }
      if (!u.hashes.has(i)) { console.log(`${head}  -- qemu-user-ts: ${u.died.get(i)}`); continue; }
      console.log(head);
      const inRegs = verbose(qemu, exe, i, 'in');
      const qo = verbose(qemu, exe, i, 'out');
      const uo = verbose(ours, exe, i, 'out');
      qo.forEach((v, k) => {
        if (v !== uo[k]) console.log(`    ${REG_NAMES[k].padEnd(5)} in ${inRegs[k]}  qemu ${v}  ours ${uo[k]}`);
      });
      const fpcr = inRegs[33];
      if (fpcr && !/^0+$/.test(fpcr)) console.log(`    (fpcr in ${fpcr})`);
    }
  }
  const agree = cases.filter((_, i) => q.hashes.has(i) && q.hashes.get(i) === u.hashes.get(i));
  console.log(`\n${agree.length}/${cases.length} cases agree; ${failing} of ${stats.size} patterns have differences`);
  if (o.emit) {
    const out = join(ROOT, FUZZ_SRC, 'cases.S');
    const header = [
      `// autogenerated by tools/fuzz-a64.ts --classes ${o.classes.join(',')} --per ${o.per} --seed ${o.seed}${o.only ? ` --only '${o.only.source}'` : ''} --emit — do not edit`,
      `// ${agree.length} cases: the encodings on which qemu-aarch64 -cpu ${o.qemuCpu} and qemu-user-ts agreed.`,
    ];
    writeFileSync(out, casesAsm(agree, header));
    console.log(`wrote ${out}`);
  }
}

main();
