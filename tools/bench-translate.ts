// Times the translation pipeline offline, in one process: loads a static guest program,
// finds its blocks (following static successors from the entry, and from a list of pcs
// if given), then translates, optimizes, generates and compiles them again and again,
// and prints the cost per block of each phase once warm. A tool for work on translation
// speed (the compile worker's cost per block):
//   node tools/run-ts.mjs tools/bench-translate.ts PROG [PCS-FILE]
// PCS-FILE: hex pcs, one per line (for example the blocks a run compiled), to reach code
// the static successors of the entry do not. Environment: REGION=n blocks per module,
// MAX_BLOCKS=n blocks in all (3000), TIER0_ONLY=1 only what a block first met costs.
import { readFileSync } from 'node:fs';
import { riscv64Target } from '../src/linux-user/riscv64/target.js';
import { aarch64Target } from '../src/linux-user/aarch64/target.js';
import { loadElf } from '../src/loader/elf.js';
import { loadProgram } from '../src/loader/load.js';
import { GuestMemory } from '../src/memory/guest-memory.js';
import { AddressSpace } from '../src/memory/address-space.js';
import { HelperRegistry } from '../src/tcg/helpers.js';
import { optimize } from '../src/tcg/optimize.js';
import { generateModule } from '../src/hostbackend/wasm/codegen.js';
import { buildProgram } from '../src/hostbackend/tier0/program.js';
import { PERM } from '../src/memory/layout.js';
import type { TranslatedBlock } from '../src/tcg/ir.js';

const [prog, pcsFile] = process.argv.slice(2);
if (!prog) {
  console.error('usage: node tools/run-ts.mjs tools/bench-translate.ts PROG [PCS-FILE]');
  process.exit(2);
}
const targets = [riscv64Target, aarch64Target];
const { image, arch } = loadElf(prog, targets.map((t) => t.arch));
const target = targets.find((t) => t.arch === arch)!;
const mem = new GuestMemory();
const as = new AddressSpace(mem);
const loaded = loadProgram({ mem, as, image, archAux: target.aux, argv: [prog], envp: [], execfn: prog, stackSize: 1 << 20 });
const helpers = new HelperRegistry();
const translator = arch.createTranslator(helpers);
const maxInsns = 512;

// Blocks: breadth-first over static successors from the entry (and the given pcs).
const seeds = [loaded.entry, ...(pcsFile ? readFileSync(pcsFile, 'utf8').split(/\s+/).filter(Boolean).map((s) => parseInt(s, 16)) : [])];
const seen = new Set<number>();
const blocks: TranslatedBlock[] = [];
const work = [...seeds];
const MAX_BLOCKS = Number(process.env.MAX_BLOCKS ?? 3000);
while (work.length && blocks.length < MAX_BLOCKS) {
  const pc = work.shift()!;
  if (seen.has(pc) || !(mem.perm(pc) & PERM.EXEC)) continue;
  seen.add(pc);
  let b: TranslatedBlock;
  try { b = translator.translate(mem, pc, { maxInsns }); } catch { continue; }
  blocks.push(b);
  for (const s of b.successors) work.push(s);
}
const pcs = blocks.map((b) => b.pc);
const insns = blocks.reduce((n, b) => n + b.insns.length, 0);
const ops = blocks.reduce((n, b) => n + b.ops.length, 0);
console.log(`${arch.name}: ${blocks.length} blocks, ${(insns / blocks.length).toFixed(1)} insns and ${(ops / blocks.length).toFixed(1)} IR ops per block`);

const REGION = Number(process.env.REGION ?? 5);
for (let round = 0; round < 6; round++) {
  const t = { translate: 0, optimize: 0, generate: 0, compile: 0, tier0: 0 };
  let bytes = 0;
  let optOps = 0;
  for (let i = 0; i < pcs.length; i += REGION) {
    let t0 = performance.now();
    const raw = pcs.slice(i, i + REGION).map((pc) => translator.translate(mem, pc, { maxInsns }));
    let t1 = performance.now(); t.translate += t1 - t0;
    for (const b of raw) buildProgram(b);
    t0 = performance.now(); t.tier0 += t0 - t1;
    if (process.env.TIER0_ONLY) continue;
    const opt = raw.map(optimize);
    t1 = performance.now(); t.optimize += t1 - t0;
    for (const b of opt) optOps += b.ops.length;
    const out = generateModule({ regions: [opt], baseSlot: 0, helpers, text: false, countInsns: false });
    t0 = performance.now(); t.generate += t0 - t1;
    bytes += out.bytes.length;
    // Once: V8 compiles bytes it has compiled before at once.
    if (round === 4) new WebAssembly.Module(out.bytes);
    t1 = performance.now(); t.compile += t1 - t0;
  }
  const per = (ms: number) => ((ms * 1000) / pcs.length).toFixed(1).padStart(6);
  console.log(`round ${round}: µs per block: translate ${per(t.translate)}  tier0 program ${per(t.tier0)}  optimize ${per(t.optimize)}  generate ${per(t.generate)}  V8 compile ${round === 4 ? per(t.compile) : '   n/a'}  | ${(optOps / pcs.length).toFixed(1)} ops, ${(bytes / pcs.length).toFixed(0)} wasm bytes per block`);
}
