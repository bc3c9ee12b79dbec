// The thread and signal guest programs run again and again, to find the hang or the wrong
// total that shows once in many runs: every manifest entry tagged thread, signal or atomic
// (and the long `threads` program of manifest-threads.json on wasm), on both architectures
// and both backends, for N rounds in a row. Wasm runs as users run it, tiered (tier 0
// first, hot code compiled); --as-suite compiles every block first, as the wasm guest
// suite does (tier0=off: a short program then spends seconds compiling). Prints one
// line a round and the failures as they come (a run over its time limit counts as a hang).
//
//   node tools/run-ts.mjs tools/stress-threads.ts [--rounds N] [--arch riscv64|aarch64]
//        [--backend wasm|interp] [--timeout SECONDS] [--only name[,name]] [--as-suite] [--verbose]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ManifestEntry, ROOT, crossSysroot, expectedStdout, oursWith, readManifest, runProgram } from '../tests/suites/support/guest-runner.js';

const STRESSED_TAGS = ['thread', 'signal', 'atomic'];

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    arch: { type: 'string' },
    backend: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    only: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'as-suite': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const timeoutMs = Number(values.timeout) * 1000;
const only = values.only?.split(',');
const arches = values.arch ? [values.arch] : ['riscv64', 'aarch64'];
const backends = (values.backend ? [values.backend] : ['wasm', 'interp']) as Array<'wasm' | 'interp'>;

interface Job {
  label: string;
  dir: string;
  entry: ManifestEntry;
  command: string[];
}

/** The long threads program (16 threads x 100,000 of each increment): wasm only, as `make check-threads` runs it. */
function longThreads(arch: string): ManifestEntry[] {
  const raw = JSON.parse(readFileSync(join(ROOT, 'tests/binaries', arch, 'manifest-threads.json'), 'utf8')) as { tests: ManifestEntry[] };
  return raw.tests;
}

const jobs: Job[] = [];
for (const arch of arches) {
  const { dir, entries } = readManifest(arch);
  const stressed = entries.filter((e) => e.tags?.some((t) => STRESSED_TAGS.includes(t)) && !(e.sysroot && !crossSysroot(arch)));
  for (const backend of backends) {
    const list = backend === 'wasm' ? [...stressed, ...longThreads(arch)] : stressed;
    for (const entry of list) {
      if (only && !only.includes(entry.name)) continue;
      // --as-suite: the configurations of tests/suites/support/guest-suite.ts
      const allCompiled = values['as-suite'] && !entry.tags?.includes('many-threads');
      const accel = backend === 'interp' ? 'backend=interp' : allCompiled ? 'backend=wasm,tier0=off' : 'backend=wasm';
      jobs.push({ label: `${arch}/${backend} ${entry.name}`, dir, entry, command: oursWith(accel) });
    }
  }
}

console.log(`${jobs.length} runs a round, ${rounds} rounds, ${timeoutMs / 1000} s limit a run`);
let failures = 0;
let hangs = 0;
const started = Date.now();
for (let round = 1; round <= rounds; round++) {
  const roundStart = Date.now();
  let passed = 0;
  for (const job of jobs) {
    const t0 = Date.now();
    const r = runProgram(job.command, job.entry, job.dir, timeoutMs);
    const ms = Date.now() - t0;
    const want = expectedStdout(job.dir, job.entry);
    const problems: string[] = [];
    if (ms >= timeoutMs) problems.push(`no end after ${timeoutMs / 1000} s (a hang)`);
    if (want !== undefined && r.stdout !== want) problems.push('stdout differs from expected');
    if (r.status !== job.entry.expect.exit) problems.push(`exit ${r.status}, want ${job.entry.expect.exit}`);
    if (values.verbose) console.log(`  ${job.label}: ${ms} ms${problems.length ? ' FAIL' : ''}`);
    if (problems.length === 0) {
      passed++;
      continue;
    }
    failures++;
    if (ms >= timeoutMs) hangs++;
    console.log(`round ${round}: FAIL ${job.label} (${ms} ms): ${problems.join('; ')}`);
    if (r.stdout !== want) console.log(`  stdout:\n${r.stdout.slice(-1500).replace(/^/gm, '    ')}`);
    if (r.stderr) console.log(`  stderr:\n${r.stderr.slice(-1500).replace(/^/gm, '    ')}`);
  }
  console.log(`round ${round}: ${passed}/${jobs.length} passed in ${((Date.now() - roundStart) / 1000).toFixed(0)} s`);
}
console.log(`${rounds} rounds, ${rounds * jobs.length} runs: ${failures} failed (${hangs} hangs), ${((Date.now() - started) / 60000).toFixed(1)} min`);
process.exit(failures ? 1 : 0);
