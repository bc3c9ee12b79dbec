// The decode generator: reads a decodetree-style instruction table (fields, argument
// sets, formats, patterns, { } overlap groups and [ ] no-overlap groups) and writes a
// TypeScript module with one interface per argument set, a `Translators<C>` interface
// (one trans_NAME method per pattern name, plus the field !function transforms) and a
// `decode(insn, t, ctx)` function built as a decision tree of switches on fixed bits.
//
// Run with no arguments (npm run gen) to regenerate every table listed in KNOWN_TABLES;
// or: gen-decode.ts INPUT OUTPUT --width N [--decoder NAME].
//
// Syntax (one definition a line, `#` comments, `\` continues a line):
//   %name  pos:len pos:slen ... [!function=fn]     field; segments MSB-first, `s` = signed
//   &name  arg1 arg2 ...                            argument set
//   @name  bits... [&set] [%field] [arg=%field] [arg=const]    format
//   name   bits... [@fmt] [&set] [%field] [arg=%field] [arg=const]  pattern
//   {  ...  }   overlap group: members tried in order; a trans_ returning false tries the next
//   [  ...  ]   no-overlap group
// Bits are written MSB first: `0`/`1` fixed, `.`/`-` free, `name:len` / `name:slen` an
// inline field assigned to argument `name`. Bits must add up to the instruction width.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The tables `npm run gen` regenerates, relative to the repository root. */
export const KNOWN_TABLES: readonly TableSpec[] = [
  { input: 'src/cpu/riscv/riscv.decode', output: 'src/cpu/riscv/decode.generated.ts', width: 32, decoder: 'decode32' },
  { input: 'src/cpu/riscv/riscv16.decode', output: 'src/cpu/riscv/decode16.generated.ts', width: 16, decoder: 'decode16' },
  { input: 'src/cpu/aarch64/a64-int.decode', output: 'src/cpu/aarch64/int.generated.ts', width: 32, decoder: 'decodeInt' },
  { input: 'src/cpu/aarch64/a64-ldst.decode', output: 'src/cpu/aarch64/ldst.generated.ts', width: 32, decoder: 'decodeLdst' },
  { input: 'src/cpu/aarch64/a64-fp.decode', output: 'src/cpu/aarch64/fp.generated.ts', width: 32, decoder: 'decodeFp' },
  { input: 'src/cpu/aarch64/a64-simd.decode', output: 'src/cpu/aarch64/simd.generated.ts', width: 32, decoder: 'decodeSimd' },
];

export interface TableSpec {
  readonly input: string;
  readonly output: string;
  /** Instruction width in bits (8..32). */
  readonly width: number;
  /** Name of the exported decode function. */
  readonly decoder: string;
}

export interface GenOptions {
  readonly width: number;
  readonly decoder?: string;
  /** Shown in the generated header and in error messages. */
  readonly source?: string;
}

/** A mistake in a decode table; the message names file and line. */
export class DecodeError extends Error {}

// --- the parsed table ----------------------------------------------------------------

interface FieldSeg {
  readonly pos: number;
  readonly len: number;
  readonly signed: boolean;
}
interface FieldDef {
  readonly name: string;
  readonly segs: readonly FieldSeg[];
  readonly func?: string;
}
type ArgValue = { readonly kind: 'field'; readonly field: FieldDef } | { readonly kind: 'const'; readonly value: number };
interface ArgSet {
  readonly name: string;
  readonly members: readonly string[];
}
interface Format {
  readonly name: string;
  readonly mask: number;
  readonly bits: number;
  readonly argSet: ArgSet;
  readonly assigns: ReadonlyMap<string, ArgValue>;
}
interface Pattern {
  readonly kind: 'pattern';
  readonly name: string;
  readonly line: number;
  readonly mask: number;
  readonly bits: number;
  readonly argSet: ArgSet;
  readonly assigns: ReadonlyMap<string, ArgValue>;
}
interface Group {
  readonly kind: 'group';
  readonly overlap: boolean;
  readonly line: number;
  readonly items: DecodeNode[];
}
type DecodeNode = Pattern | Group;

export interface DecodeTable {
  readonly width: number;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly argSets: ReadonlyMap<string, ArgSet>;
  readonly root: Group;
  /** Pattern name → its argument set (all patterns of one name share one set). */
  readonly handlers: ReadonlyMap<string, ArgSet>;
  readonly functions: ReadonlySet<string>;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const u32 = (x: number): number => x >>> 0;
const lowMask = (len: number): number => (len >= 32 ? 0xffffffff : u32((1 << len) - 1));

/** Every pattern of a table in table order (groups flattened): name, fixed-bit mask and value. */
export function listPatterns(table: DecodeTable): { name: string; mask: number; bits: number; line: number }[] {
  const out: { name: string; mask: number; bits: number; line: number }[] = [];
  const walk = (g: Group): void => {
    for (const n of g.items) {
      if (n.kind === 'group') walk(n);
      else out.push({ name: n.name, mask: n.mask >>> 0, bits: n.bits >>> 0, line: n.line });
    }
  };
  walk(table.root);
  return out;
}

// --- parsing ---------------------------------------------------------------------------

/** Parses a decode table; throws DecodeError on the first mistake. */
export function parseDecode(text: string, opts: GenOptions): DecodeTable {
  const width = opts.width;
  if (!Number.isInteger(width) || width < 1 || width > 32) throw new DecodeError(`unsupported instruction width ${width}`);
  const src = opts.source ?? '<input>';
  const fields = new Map<string, FieldDef>();
  const argSets = new Map<string, ArgSet>();
  const formats = new Map<string, Format>();
  const handlers = new Map<string, ArgSet>();
  const functions = new Set<string>();
  const root: Group = { kind: 'group', overlap: false, line: 0, items: [] };
  const stack: Group[] = [root];
  let anonFields = 0;
  let lineNo = 0;
  const fail = (msg: string): never => {
    throw new DecodeError(`${src}:${lineNo}: ${msg}`);
  };

  const parseNumber = (s: string): number => {
    const v = Number(s);
    if (!/^-?(0x[0-9a-fA-F]+|0b[01]+|\d+)$/.test(s) || !Number.isSafeInteger(v)) fail(`bad number '${s}'`);
    return v;
  };

  const parseSeg = (s: string): FieldSeg => {
    const m = /^(\d+):(s?)(\d+)$/.exec(s);
    if (!m) return fail(`bad field segment '${s}' (want pos:len or pos:slen)`);
    const seg = { pos: Number(m[1]), len: Number(m[3]), signed: m[2] === 's' };
    if (seg.len < 1 || seg.pos + seg.len > width) fail(`field segment '${s}' does not fit in ${width} bits`);
    return seg;
  };

  const checkField = (f: FieldDef): FieldDef => {
    const total = f.segs.reduce((n, s) => n + s.len, 0);
    if (total > 32) fail(`field %${f.name} is ${total} bits wide (at most 32)`);
    if (f.segs.slice(1).some((s) => s.signed)) fail(`field %${f.name}: only the first segment may be signed`);
    return f;
  };

  const defineField = (toks: string[]): void => {
    const name = toks[0].slice(1);
    if (!IDENT.test(name)) fail(`bad field name '${toks[0]}'`);
    if (fields.has(name)) fail(`field %${name} defined twice`);
    const segs: FieldSeg[] = [];
    let func: string | undefined;
    for (const t of toks.slice(1)) {
      if (t.startsWith('!function=')) {
        func = t.slice('!function='.length);
        if (!IDENT.test(func)) fail(`bad function name '${func}'`);
        functions.add(func);
      } else segs.push(parseSeg(t));
    }
    if (segs.length === 0 && !func) fail(`field %${name} has no bits and no !function`);
    fields.set(name, checkField({ name, segs, func }));
  };

  const defineArgSet = (toks: string[]): void => {
    const name = toks[0].slice(1);
    if (!IDENT.test(name)) fail(`bad argument set name '${toks[0]}'`);
    if (argSets.has(name)) fail(`argument set &${name} defined twice`);
    const members = toks.slice(1).filter((t) => t !== '!extern');
    for (const m of members) if (!IDENT.test(m)) fail(`bad argument name '${m}' in &${name}`);
    if (new Set(members).size !== members.length) fail(`argument set &${name} repeats a member`);
    argSets.set(name, { name, members });
  };

  interface Body {
    mask: number;
    bits: number;
    nbits: number;
    format?: Format;
    argSet?: ArgSet;
    assigns: Map<string, ArgValue>;
  }

  /** Parses the bits and assignments shared by format and pattern lines. */
  const parseBody = (toks: string[], allowFormat: boolean): Body => {
    const b: Body = { mask: 0, bits: 0, nbits: 0, assigns: new Map() };
    const assign = (name: string, v: ArgValue): void => {
      if (b.assigns.has(name)) fail(`argument '${name}' assigned twice`);
      b.assigns.set(name, v);
    };
    for (const t of toks) {
      let m: RegExpExecArray | null;
      if (/^[01.\-]+$/.test(t)) {
        for (const ch of t) {
          const pos = width - 1 - b.nbits++;
          if (pos < 0) continue; // counted; reported below
          if (ch === '0' || ch === '1') {
            b.mask = u32(b.mask | (1 << pos));
            if (ch === '1') b.bits = u32(b.bits | (1 << pos));
          }
        }
      } else if ((m = /^([A-Za-z_][A-Za-z0-9_]*):(s?)(\d+)$/.exec(t))) {
        const len = Number(m[3]);
        if (len < 1) fail(`inline field '${t}' has no bits`);
        const pos = width - b.nbits - len;
        b.nbits += len;
        if (pos >= 0) assign(m[1], { kind: 'field', field: checkField({ name: `inline${anonFields++}`, segs: [{ pos, len, signed: m[2] === 's' }] }) });
      } else if (t.startsWith('@')) {
        if (!allowFormat) fail(`a format cannot use another format ('${t}')`);
        if (b.format) fail(`two formats given`);
        const f = formats.get(t.slice(1));
        if (!f) return fail(`undefined format ${t}`);
        b.format = f;
      } else if (t.startsWith('&')) {
        if (b.argSet) fail(`two argument sets given`);
        const a = argSets.get(t.slice(1));
        if (!a) return fail(`undefined argument set ${t}`);
        b.argSet = a;
      } else if (t.startsWith('%')) {
        const f = fields.get(t.slice(1));
        if (!f) return fail(`undefined field ${t}`);
        assign(f.name, { kind: 'field', field: f });
      } else if ((m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(t))) {
        if (m[2].startsWith('%')) {
          const f = fields.get(m[2].slice(1));
          if (!f) return fail(`undefined field ${m[2]}`);
          assign(m[1], { kind: 'field', field: f });
        } else assign(m[1], { kind: 'const', value: parseNumber(m[2]) });
      } else fail(`cannot parse '${t}'`);
    }
    if (b.nbits !== width) fail(`${b.nbits} bits given, the instruction width is ${width}`);
    return b;
  };

  /** The argument set a format/pattern ends up with, checking every member is assigned. */
  const resolveArgs = (what: string, implicitName: string, b: Body, inherited?: Format): { argSet: ArgSet; assigns: Map<string, ArgValue> } => {
    const assigns = new Map<string, ArgValue>(inherited?.assigns ?? []);
    for (const [k, v] of b.assigns) assigns.set(k, v);
    let argSet = b.argSet ?? inherited?.argSet;
    if (!argSet) {
      argSet = argSets.get(implicitName);
      const members = [...assigns.keys()];
      if (argSet) {
        if (argSet.members.join(',') !== members.join(',')) fail(`${what}: implicit argument set &${implicitName} differs from an earlier one`);
      } else {
        argSet = { name: implicitName, members };
        argSets.set(implicitName, argSet);
      }
    }
    for (const k of assigns.keys()) if (!argSet.members.includes(k)) fail(`${what}: '${k}' is not a member of &${argSet.name}`);
    for (const k of argSet.members) if (!assigns.has(k)) fail(`${what}: argument '${k}' of &${argSet.name} is not assigned`);
    return { argSet, assigns };
  };

  const defineFormat = (toks: string[]): void => {
    const name = toks[0].slice(1);
    if (!IDENT.test(name)) fail(`bad format name '${toks[0]}'`);
    if (formats.has(name)) fail(`format @${name} defined twice`);
    const b = parseBody(toks.slice(1), false);
    const { argSet, assigns } = resolveArgs(`format @${name}`, name, b);
    formats.set(name, { name, mask: b.mask, bits: b.bits, argSet, assigns });
  };

  const definePattern = (toks: string[]): void => {
    const name = toks[0];
    if (!IDENT.test(name)) fail(`bad pattern name '${name}'`);
    const b = parseBody(toks.slice(1), true);
    let { mask, bits } = b;
    if (b.format) {
      if (((mask & b.format.mask) & (bits ^ b.format.bits)) !== 0) fail(`fixed bits of ${name} conflict with format @${b.format.name}`);
      mask = u32(mask | b.format.mask);
      bits = u32(bits | b.format.bits);
    }
    const { argSet, assigns } = resolveArgs(`pattern ${name}`, name, b, b.format);
    const known = handlers.get(name);
    if (known && known !== argSet) fail(`pattern ${name} uses &${argSet.name}, an earlier ${name} uses &${known.name}`);
    handlers.set(name, argSet);
    stack[stack.length - 1].items.push({ kind: 'pattern', name, line: lineNo, mask, bits, argSet, assigns });
  };

  // Join continuation lines, strip comments, then dispatch on the first token.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    lineNo = i + 1;
    let line = lines[i].replace(/#.*$/, '');
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/, ' ') + lines[++i].replace(/#.*$/, '');
    // Braces may share a line with a pattern; split them off.
    const toks = line.replace(/([{}[\]])/g, ' $1 ').trim().split(/\s+/).filter((t) => t.length > 0);
    let start = 0;
    const flush = (end: number): void => {
      const part = toks.slice(start, end);
      start = end + 1;
      if (part.length === 0) return;
      const c = part[0][0];
      if (c === '%') defineField(part);
      else if (c === '&') defineArgSet(part);
      else if (c === '@') defineFormat(part);
      else definePattern(part);
    };
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t === '{' || t === '[') {
        flush(k);
        const g: Group = { kind: 'group', overlap: t === '{', line: lineNo, items: [] };
        stack[stack.length - 1].items.push(g);
        stack.push(g);
      } else if (t === '}' || t === ']') {
        flush(k);
        const g = stack.pop();
        if (!g || g === root || g.overlap !== (t === '}')) fail(`unbalanced '${t}'`);
      }
    }
    flush(toks.length);
  }
  lineNo = lines.length;
  if (stack.length !== 1) fail(`group opened at line ${stack[stack.length - 1].line} is not closed`);

  checkOverlaps(root, src);
  return { width, fields, argSets, root, handlers, functions };
}

function leaves(n: DecodeNode): Pattern[] {
  return n.kind === 'pattern' ? [n] : n.items.flatMap(leaves);
}

/** Outside { } groups, no two sibling patterns may match the same instruction. */
function checkOverlaps(g: Group, src: string): void {
  for (const item of g.items) if (item.kind === 'group') checkOverlaps(item, src);
  if (g.overlap) return;
  const sets = g.items.map(leaves);
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      for (const p of sets[i]) {
        for (const q of sets[j]) {
          if ((p.mask & q.mask & (p.bits ^ q.bits)) === 0) {
            throw new DecodeError(`${src}:${q.line}: pattern ${q.name} overlaps pattern ${p.name} (line ${p.line}) outside an overlap group`);
          }
        }
      }
    }
  }
}

// --- code generation -------------------------------------------------------------------

/** Fixed bits common to every pattern of a node (and agreeing in value). */
function nodeMask(n: DecodeNode): { mask: number; bits: number } {
  if (n.kind === 'pattern') return { mask: n.mask, bits: n.bits };
  const ms = n.items.map(nodeMask);
  if (ms.length === 0) return { mask: 0, bits: 0 };
  let mask = ms.reduce((m, x) => m & x.mask, 0xffffffff);
  for (const x of ms) mask &= ~(x.bits ^ ms[0].bits);
  mask = u32(mask);
  return { mask, bits: u32(ms[0].bits & mask) };
}

const hex = (v: number): string => `0x${u32(v).toString(16)}`;

function segExpr(s: FieldSeg): string {
  if (s.signed) {
    const up = 32 - s.pos - s.len;
    return up === 0 ? `(insn >> ${s.pos})` : `((insn << ${up}) >> ${32 - s.len})`;
  }
  if (s.pos + s.len === 32) return `(insn >>> ${s.pos})`;
  if (s.pos === 0) return `(insn & ${hex(lowMask(s.len))})`;
  return `((insn >>> ${s.pos}) & ${hex(lowMask(s.len))})`;
}

function fieldExpr(f: FieldDef): string {
  let e = f.segs.length ? segExpr(f.segs[0]) : '0';
  for (const s of f.segs.slice(1)) e = `((${e} << ${s.len}) | ${segExpr({ ...s, signed: false })})`;
  const total = f.segs.reduce((n, s) => n + s.len, 0);
  if (f.segs.length > 1 && total === 32 && !f.segs[0].signed) e = `(${e} >>> 0)`;
  return f.func ? `t.${f.func}(ctx, ${e})` : e;
}

class Emitter {
  readonly out: string[] = [];
  line(indent: number, s: string): void {
    this.out.push('  '.repeat(indent) + s);
  }
}

/**
 * Emits the matching code for a list of mutually exclusive nodes. Returns true if the
 * emitted code always returns (so no `break` may follow).
 */
function genExclusive(e: Emitter, nodes: DecodeNode[], done: number, inOverlap: boolean, ind: number): boolean {
  if (nodes.length === 1) return genNode(e, nodes[0], done, inOverlap, ind);
  const masks = nodes.map(nodeMask);
  const common = u32(masks.reduce((m, x) => m & x.mask, 0xffffffff) & ~done);
  if (common === 0) {
    // No bit tells them all apart: test each in turn (they cannot both match).
    for (const n of nodes) genNode(e, n, done, inOverlap, ind);
    return false;
  }
  const parts = new Map<number, DecodeNode[]>();
  nodes.forEach((n, i) => {
    const v = u32(masks[i].bits & common);
    const list = parts.get(v);
    if (list) list.push(n);
    else parts.set(v, [n]);
  });
  e.line(ind, `switch ((insn & ${hex(common)}) >>> 0) {`);
  for (const v of [...parts.keys()].sort((a, b) => a - b)) {
    e.line(ind + 1, `case ${hex(v)}: {`);
    const returns = genExclusive(e, parts.get(v) ?? [], u32(done | common), inOverlap, ind + 2);
    if (!returns) e.line(ind + 2, 'break;');
    e.line(ind + 1, '}');
  }
  e.line(ind, '}');
  return false;
}

/** Emits one node: test its remaining fixed bits, then the pattern call or the group body. */
function genNode(e: Emitter, n: DecodeNode, done: number, inOverlap: boolean, ind: number): boolean {
  const { mask, bits } = nodeMask(n);
  const rest = u32(mask & ~done);
  let inner = ind;
  if (rest !== 0) {
    e.line(ind, `if (((insn & ${hex(rest)}) >>> 0) === ${hex(bits & rest)}) {`);
    inner = ind + 1;
  }
  let returns: boolean;
  const now = u32(done | mask);
  if (n.kind === 'pattern') {
    returns = genCall(e, n, inOverlap, inner);
  } else if (n.overlap) {
    for (const item of n.items) genNode(e, item, now, true, inner);
    returns = false;
  } else {
    returns = genExclusive(e, n.items, now, inOverlap, inner);
  }
  if (rest !== 0) {
    e.line(ind, '}');
    return false;
  }
  return returns;
}

function genCall(e: Emitter, p: Pattern, inOverlap: boolean, ind: number): boolean {
  const members = p.argSet.members.map((m) => {
    const v = p.assigns.get(m);
    if (!v) throw new Error(`internal: ${p.name} lacks ${m}`);
    return `${m}: ${v.kind === 'const' ? String(v.value) : fieldExpr(v.field)}`;
  });
  const call = `t.trans_${p.name}(ctx, { ${members.join(', ')} })`.replace('{  }', '{}');
  if (inOverlap) {
    e.line(ind, `if (${call}) return true;`);
    return false;
  }
  e.line(ind, `return ${call};`);
  return true;
}

/** Generates the TypeScript decoder module for a parsed table. */
export function generateDecoder(table: DecodeTable, opts: GenOptions): string {
  const decoder = opts.decoder ?? 'decode';
  const e = new Emitter();
  e.line(0, `// autogenerated by tools/gen-decode.ts${opts.source ? ` from ${opts.source}` : ''} — do not edit`);
  e.line(0, '/* eslint-disable */');
  e.line(0, '');
  for (const a of [...table.argSets.values()].sort((x, y) => x.name.localeCompare(y.name))) {
    e.line(0, `export interface arg_${a.name} {${a.members.length ? ' ' + a.members.map((m) => `${m}: number;`).join(' ') + ' ' : ''}}`);
  }
  e.line(0, '');
  e.line(0, `/** Field transforms (!function=) the decoder calls while extracting arguments. */`);
  e.line(0, `export interface DecodeFunctions<C> {`);
  for (const f of [...table.functions].sort()) e.line(1, `${f}(ctx: C, x: number): number;`);
  e.line(0, '}');
  e.line(0, '');
  e.line(0, `/** One handler per pattern name: emit the instruction and return true, or return false (illegal). */`);
  e.line(0, `export interface Translators<C> extends DecodeFunctions<C> {`);
  for (const [name, a] of [...table.handlers].sort((x, y) => x[0].localeCompare(y[0]))) {
    e.line(1, `trans_${name}(ctx: C, a: arg_${a.name}): boolean;`);
  }
  e.line(0, '}');
  e.line(0, '');
  e.line(0, `/** Decodes one ${table.width}-bit instruction and calls its handler; false means illegal instruction. */`);
  e.line(0, `export function ${decoder}<C>(insn: number, t: Translators<C>, ctx: C): boolean {`);
  const returns = genExclusive(e, table.root.items, 0, false, 1);
  if (!returns) e.line(1, 'return false;');
  e.line(0, '}');
  return e.out.join('\n') + '\n';
}

/** Parses and generates in one step. */
export function compileDecode(text: string, opts: GenOptions): string {
  return generateDecoder(parseDecode(text, opts), opts);
}

// --- command line ---------------------------------------------------------------------

function generateFile(root: string, spec: TableSpec): void {
  const input = resolve(root, spec.input);
  const code = compileDecode(readFileSync(input, 'utf8'), { width: spec.width, decoder: spec.decoder, source: relative(root, input) });
  writeFileSync(resolve(root, spec.output), code);
  console.log(`gen-decode: ${spec.input} -> ${spec.output}`);
}

function main(argv: string[]): void {
  const self = process.argv[1] ?? '';
  const root = resolve(dirname(self), '..');
  if (argv.length === 0) {
    for (const spec of KNOWN_TABLES) generateFile(root, spec);
    return;
  }
  const [input, output, ...rest] = argv;
  let width = 32;
  let decoder = 'decode';
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--width') width = Number(rest[i + 1]);
    else if (rest[i] === '--decoder') decoder = rest[i + 1];
    else throw new DecodeError(`unknown option ${rest[i]}`);
  }
  if (!input || !output) throw new DecodeError('usage: gen-decode.ts [INPUT OUTPUT [--width N] [--decoder NAME]]');
  generateFile(process.cwd(), { input: join(input), output: join(output), width, decoder });
}

if (/gen-decode\.ts$/.test(process.argv[1] ?? '')) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    console.error(`gen-decode: ${err.message}`);
    process.exitCode = 1;
  }
}
