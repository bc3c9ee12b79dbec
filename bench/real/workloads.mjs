// bench/real/workloads.mjs: the real-program group of `npm run bench` (bench/run.mjs).
// Says what each workload runs (a few lines of /bin/sh), writes the inputs they read
// (made with a seeded PRNG, so every run and every machine sees the same bytes) and
// fetches Debian's busybox-static for arm64 into bench/cache/ when it is missing.
//
// A workload's script calls the emulator as `run <guest program> args...`: bench/run.mjs
// defines `run` as ours (cold or warm), qemu-<arch>, or ours with -d stats, and sets
//   $PROG   the guest program (busybox, or bench/bin/<arch>/<name>)
//   $DATA   the generated inputs (read only)
//   $WORK   a scratch directory, emptied before every run (also the working directory)
//   $REAL   this directory (bench/real: the lua, awk, sed and bc scripts)
// Every stage of a pipeline is an emulator process of its own, started by the host's sh.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Debian package the busybox workloads run (arm64 only: Debian has no riscv64 build in bookworm). */
export const BUSYBOX_PACKAGE = 'busybox-static:arm64';

/**
 * The workloads, in table order. `program` is busybox or a binary of bench/bin/<arch>/
 * (built by bench/real/build.sh); `arches` the guest architectures it runs on.
 */
export const REAL_WORKLOADS = [
  {
    name: 'awk',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'awk report (per department, per month, histogram) over a 20,000-row CSV file',
    script: 'run "$PROG" awk -f "$REAL/report.awk" "$DATA/rows.csv"',
  },
  {
    name: 'sort',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'sort 6,000 rows on a text key, then a numeric one',
    script: 'run "$PROG" sort -t, -k3,3 -k6,6n "$DATA/sample.csv"',
  },
  {
    name: 'sed',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'a ten-command sed script over the 20,000-row file',
    script: 'run "$PROG" sed -f "$REAL/edit.sed" "$DATA/rows.csv"',
  },
  {
    name: 'gzip',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'gzip -c of the 20,000-row file and the 800 KB text (1.9 MB) to a file, then gunzip -c of it',
    script: [
      'run "$PROG" gzip -c "$DATA/rows.csv" "$DATA/text.txt" > "$WORK/both.gz"',
      'wc -c < "$WORK/both.gz"',
      'run "$PROG" gunzip -c "$WORK/both.gz" | cksum',
    ].join('\n'),
  },
  {
    name: 'bc',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'bc -l: pi, e, ln 2 and sqrt 2 to 200 digits',
    script: 'run "$PROG" bc -l "$REAL/calc.bc"',
  },
  {
    name: 'tar',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'tar c of a generated tree (400 files in 10 directories, 1 MB) to a file, then tar x of it',
    // The files are named in a fixed order: a directory's order is the file system's.
    script: [
      'cd "$DATA"',
      'run "$PROG" tar -cf "$WORK/tree.tar" $(cat tree.list)',
      'cksum < "$WORK/tree.tar"',
      'mkdir "$WORK/x"',
      'run "$PROG" tar -xf "$WORK/tree.tar" -C "$WORK/x"',
      'diff -r tree "$WORK/x/tree" && echo extracted tree identical',
    ].join('\n'),
  },
  {
    name: 'pipeline',
    program: 'busybox',
    arches: ['aarch64'],
    what: 'cut | sort | uniq -c | sort -nr | sed over the 20,000-row file, one emulator process a stage',
    script:
      'run "$PROG" cut -d, -f3,4 "$DATA/rows.csv" | run "$PROG" sort | run "$PROG" uniq -c | ' +
      `run "$PROG" sort -nr | run "$PROG" sed 's/^ *//; s/,/ in /'`,
  },
  {
    name: 'lua',
    program: 'lua',
    arches: ['riscv64', 'aarch64'],
    what: 'Lua 5.4 running bench/real/bench.lua (strings, tables, sorting, closures, floating point)',
    script: 'run "$PROG" "$REAL/bench.lua"',
  },
  {
    name: 'sqlite3',
    program: 'sqlite3',
    arches: ['riscv64', 'aarch64'],
    what: 'sqlite3 shell: 4,000 inserts in a transaction into a new database file, two indexes, joins and group-bys, an update',
    script: 'run "$PROG" -batch -init /dev/null "$WORK/bench.db" < "$DATA/bench.sql"',
  },
  {
    name: 'bzip2',
    program: 'bzip2',
    arches: ['riscv64', 'aarch64'],
    what: 'bzip2 -9 of an 800 KB text file to a file, then bzip2 -d of it',
    script: [
      'run "$PROG" -9 -c "$DATA/text.txt" > "$WORK/text.txt.bz2"',
      'wc -c < "$WORK/text.txt.bz2"',
      'run "$PROG" -dc "$WORK/text.txt.bz2" | cksum',
    ].join('\n'),
  },
];

// --- the inputs ----------------------------------------------------------------------------

/** xorshift32: a small seeded generator, the same numbers on every machine. */
function makeRandom(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (items) => items[int(items.length)];
  const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'xe', 'zu', 'bar', 'dor', 'fen', 'gil', 'hut'];
  const word = () => Array.from({ length: 2 + int(3) }, () => pick(SYLLABLES)).join('');
  return { next, int, pick, word };
}

const DEPARTMENTS = ['sales', 'ops', 'research', 'support', 'legal', 'finance', 'it', 'hr', 'marketing', 'logistics'];
const CITIES = ['Lyon', 'Oslo', 'Quito', 'Hanoi', 'Perth', 'Tunis', 'Lima', 'Riga', 'Accra', 'Porto', 'Turin', 'Cork'];
const pad2 = (n) => String(n).padStart(2, '0');

/** rows.csv (20,000 rows, about 1.1 MB: id,name,dept,city,amount,qty,date,word) and its first 6,000 rows. */
function writeRows(dir) {
  const r = makeRandom(42);
  const rows = [];
  for (let i = 1; i <= 20000; i++) {
    const date = `2024-${pad2(1 + r.int(12))}-${pad2(1 + r.int(28))}`;
    rows.push(`${i},${r.word()},${r.pick(DEPARTMENTS)},${r.pick(CITIES)},${(r.next() * 10000).toFixed(2)},${1 + r.int(50)},${date},${r.word()}\n`);
  }
  writeFileSync(join(dir, 'rows.csv'), rows.join(''));
  writeFileSync(join(dir, 'sample.csv'), rows.slice(0, 6000).join(''));
}

/** text.txt: about 800 KB of lines of made-up words, for bzip2 and gzip. */
function writeText(dir) {
  const r = makeRandom(7);
  const lines = [];
  let size = 0;
  while (size < 800_000) {
    const line = Array.from({ length: 4 + r.int(10) }, () => r.word()).join(' ') + (r.int(4) ? '.' : ',') + '\n';
    lines.push(line);
    size += line.length;
  }
  writeFileSync(join(dir, 'text.txt'), lines.join(''));
}

/**
 * tree/: 10 directories of 40 files of 1-4 KB (about 1 MB), every time stamp fixed so
 * that the archive's bytes are too; tree.list names the files in a fixed order.
 */
function writeTree(dir) {
  const r = makeRandom(1234);
  const stamp = 1700000000;
  const files = [];
  for (let d = 0; d < 10; d++) {
    const sub = join(dir, 'tree', `d${d}`);
    mkdirSync(sub, { recursive: true });
    for (let f = 0; f < 40; f++) {
      const path = join(sub, `f${f}.txt`);
      let text = '';
      const size = 1000 + r.int(3000);
      while (text.length < size) text += r.word() + (r.int(8) ? ' ' : '\n');
      writeFileSync(path, text + '\n');
      utimesSync(path, stamp, stamp);
      files.push(`tree/d${d}/f${f}.txt`);
    }
    utimesSync(sub, stamp, stamp);
  }
  utimesSync(join(dir, 'tree'), stamp, stamp);
  writeFileSync(join(dir, 'tree.list'), files.join('\n') + '\n');
}

/** bench.sql: the sqlite3 session, 40 departments and 4,000 employees, then the queries. */
function writeSql(dir) {
  const r = makeRandom(99);
  const out = [
    'PRAGMA synchronous = OFF;',
    'CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL);',
    'CREATE TABLE emp(id INTEGER PRIMARY KEY, name TEXT NOT NULL, dept INTEGER NOT NULL REFERENCES dept(id), salary REAL NOT NULL, hired TEXT NOT NULL);',
    'BEGIN;',
  ];
  for (let i = 1; i <= 40; i++) out.push(`INSERT INTO dept VALUES(${i}, '${r.word()}', '${r.pick(CITIES)}');`);
  for (let i = 1; i <= 4000; i++) {
    const hired = `${2000 + r.int(25)}-${pad2(1 + r.int(12))}-${pad2(1 + r.int(28))}`;
    out.push(`INSERT INTO emp(name, dept, salary, hired) VALUES('${r.word()} ${r.word()}', ${1 + r.int(40)}, ${(20000 + r.next() * 80000).toFixed(2)}, '${hired}');`);
  }
  out.push(
    'COMMIT;',
    'CREATE INDEX emp_dept ON emp(dept, salary);',
    'CREATE INDEX emp_name ON emp(name);',
    'SELECT d.name, d.city, count(*), round(avg(e.salary), 2), max(e.salary) FROM emp e JOIN dept d ON e.dept = d.id GROUP BY d.id ORDER BY 4 DESC, 1 LIMIT 10;',
    'SELECT d.city, count(DISTINCT d.id), count(*), round(sum(e.salary), 2) FROM emp e JOIN dept d ON e.dept = d.id GROUP BY d.city ORDER BY d.city;',
    'SELECT substr(hired, 1, 4) AS y, count(*), round(sum(salary), 2) FROM emp GROUP BY y ORDER BY y;',
    'SELECT count(*) FROM emp a JOIN emp b ON a.dept = b.dept AND b.salary BETWEEN a.salary AND a.salary + 50 AND a.id <> b.id;',
    'SELECT name, count(*) AS n FROM emp GROUP BY name HAVING n > 1 ORDER BY n DESC, name LIMIT 5;',
    "UPDATE emp SET salary = salary * 1.05 WHERE dept IN (SELECT id FROM dept WHERE city < 'M');",
    'SELECT round(total(salary), 2), count(*) FROM emp;',
  );
  writeFileSync(join(dir, 'bench.sql'), out.join('\n') + '\n');
}

/** Writes every input of the workloads into dir (which must exist). */
export function writeInputs(dir) {
  writeRows(dir);
  writeText(dir);
  writeTree(dir);
  writeSql(dir);
}

// --- busybox -------------------------------------------------------------------------------

/**
 * Debian's busybox-static for arm64, fetched with `apt-get download` and unpacked with
 * `dpkg -x` into cacheDir/busybox/ the first time. Returns { path, version } or { error }.
 */
export function fetchBusybox(cacheDir) {
  const dir = join(cacheDir, 'busybox');
  const path = join(dir, 'root', 'bin', 'busybox');
  const versionFile = join(dir, 'version');
  if (existsSync(path) && existsSync(versionFile)) return { path, version: readFileSync(versionFile, 'utf8').trim() };

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // apt-get downloads as its _apt user when it can: let that user write here.
  try {
    chmodSync(dir, 0o777);
  } catch {
    // not ours to change: apt-get then warns and downloads as the caller
  }
  const fail = (what, r) => ({ error: `${what} failed: ${(r.error?.message ?? r.stderr ?? '').trim().split('\n').pop() || `status ${r.status}`}` });
  const download = spawnSync('apt-get', ['download', BUSYBOX_PACKAGE], { cwd: dir, encoding: 'utf8' });
  if (download.error || download.status !== 0) return fail(`apt-get download ${BUSYBOX_PACKAGE}`, download);
  const deb = readdirSync(dir).find((f) => f.startsWith('busybox-static_') && f.endsWith('.deb'));
  if (!deb) return { error: `apt-get download ${BUSYBOX_PACKAGE} left no .deb in ${dir}` };
  const unpack = spawnSync('dpkg', ['-x', deb, 'root'], { cwd: dir, encoding: 'utf8' });
  if (unpack.error || unpack.status !== 0) return fail(`dpkg -x ${deb}`, unpack);
  if (!existsSync(path)) return { error: `${deb} holds no bin/busybox` };
  // busybox-static_1%3a1.35.0-4+deb12u1+b1_arm64.deb: the version is the middle part.
  const version = decodeURIComponent(deb.split('_')[1]);
  writeFileSync(versionFile, `${version}\n`);
  return { path, version };
}
