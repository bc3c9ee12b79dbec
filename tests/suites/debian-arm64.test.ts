// Debian's own arm64 programs, dynamically linked, run under -L with the sysroot that
// `npm run fixtures` unpacks (tools/fixtures.mjs): coreutils, busybox applets that need no
// fork, python3.11, sqlite3, lua5.4, gzip, xz, grep -P (PCRE2's JIT: code written, then
// run) and gawk. Each case checks its output against what it must be and, where Debian's
// qemu-aarch64 is installed, against qemu-aarch64 run the same way in its own directory.
// Skips, naming the command, without the fixture.

import { spawnSync } from 'node:child_process';
import { existsSync, lutimesSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, hostHas } from './support/guest-runner.js';

const fixtures = process.env.QEMU_USER_TS_FIXTURES || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'qemu-user-ts-fixtures');
const ROOT = join(fixtures, 'debian-arm64');
const have = existsSync(join(ROOT, '.packages'));
const haveQemu = hostHas('qemu-aarch64');
if (!have) console.warn(`Debian arm64 programs skipped: no sysroot at ${ROOT} (npm run fixtures)`);

const work = mkdtempSync(join(tmpdir(), 'debian-arm64-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run { stdout: string; stderr: string; status: number | null; dir: string }
interface Case {
  /** Files to create in the run's directory first (a string is the content, null a directory). */
  files?: Record<string, string | Buffer | null>;
  /** More set-up of the run's directory, after the files. */
  setup?: (dir: string) => void;
  stdin?: string | Buffer;
  /** Runs one after another in the same directory; the last one's output is returned. */
  steps?: string[][];
}

let serial = 0;
/** Runs `argv` (argv[0] a path inside the sysroot) under `command` in a fresh directory set up by `c`. */
function runIn(command: string[], argv: string[], c: Case = {}): Run {
  const dir = join(work, `run-${serial++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(c.files ?? {})) {
    if (content === null) mkdirSync(join(dir, name), { recursive: true });
    else writeFileSync(join(dir, name), content);
  }
  c.setup?.(dir);
  let last: Run = { stdout: '', stderr: '', status: 0, dir };
  for (const args of [...(c.steps ?? []), argv]) {
    const r = spawnSync(command[0], [...command.slice(1), '-L', ROOT, join(ROOT, args[0]), ...args.slice(1)], {
      cwd: dir, input: c.stdin ?? '', encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20,
      env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    });
    last = { stdout: r.stdout, stderr: r.stderr, status: r.status, dir };
    if (r.status !== 0) break;
  }
  return last;
}

const ours = [process.execPath, CLI];
/** Our run of the case; checked against qemu-aarch64's when it is installed. */
function run(argv: string[], c: Case = {}): Run {
  const mine = runIn(ours, argv, c);
  expect(mine.stderr).not.toMatch(/\n\s+at .*\.m?js:\d+/);
  if (haveQemu) {
    const theirs = runIn(['qemu-aarch64'], argv, c);
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.status).toBe(theirs.status);
  }
  return mine;
}

const POEM = 'the quick brown fox\njumps over\nthe lazy dog\nthe end\n';

describe.skipIf(!have)('Debian arm64 programs under -L (npm run fixtures)', () => {
  describe('coreutils', () => {
    it('sort, uniq -c, wc, cat -n, sha256sum', () => {
      const files = { 'p.txt': POEM, 'n.txt': '10 b\n9 a\n100 c\n9 a\n' };
      expect(run(['usr/bin/sort', '-k1,1n', 'n.txt'], { files }).stdout).toBe('9 a\n9 a\n10 b\n100 c\n');
      expect(run(['usr/bin/sort', '-r', 'p.txt'], { files }).stdout).toBe('the quick brown fox\nthe lazy dog\nthe end\njumps over\n');
      expect(run(['usr/bin/uniq', '-c', 'n.txt'], { files }).stdout).toBe('      1 10 b\n      1 9 a\n      1 100 c\n      1 9 a\n');
      expect(run(['usr/bin/sort', 'n.txt'], { files }).stdout).toBe('10 b\n100 c\n9 a\n9 a\n');
      expect(run(['usr/bin/wc', 'p.txt'], { files }).stdout).toBe(' 4 11 52 p.txt\n');
      expect(run(['bin/cat', '-n', 'p.txt'], { files }).stdout).toBe('     1\tthe quick brown fox\n     2\tjumps over\n     3\tthe lazy dog\n     4\tthe end\n');
      expect(run(['usr/bin/sha256sum', 'p.txt'], { files }).stdout).toBe('14877749d488d6047d6af81f8d41eba8c35f7f29e1cb1377d6b36c9453a2c095  p.txt\n');
    });
    it('ls of a tree with fixed times', () => {
      const r = runLs(['bin/ls', '-1F', 'tree']);
      expect(r.stdout).toBe('a\nb\nl@\nsub/\n');
      const long = runLs(['bin/ls', '-ln', '--time-style=+%s', 'tree/a', 'tree/b', 'tree/l']);
      const uid = process.getuid?.() ?? 0;
      const gid = process.getgid?.() ?? 0;
      expect(long.stdout).toBe(
        `-rw-r--r-- 1 ${uid} ${gid}  3 1000000000 tree/a\n-rw-r--r-- 1 ${uid} ${gid} 10 1000000000 tree/b\nlrwxrwxrwx 1 ${uid} ${gid}  1 1000000000 tree/l -> a\n`,
      );
      runLs(['bin/ls', '-lA', '--time-style=+%s', 'tree']); // the whole listing (not .., whose time moves): as qemu's
    });
    it('cp, mv and rm in a temporary directory', () => {
      const r = run(['bin/ls', '-1'], { files: { 'x.txt': POEM }, steps: [['bin/cp', 'x.txt', 'y.txt'], ['bin/mv', 'y.txt', 'z.txt'], ['bin/rm', 'x.txt']] });
      expect(r.stdout).toBe('z.txt\n');
      expect(readFileSync(join(r.dir, 'z.txt'), 'utf8')).toBe(POEM);
    });
    it('date -u -d @0, seq into a file and tr over it', () => {
      expect(run(['bin/date', '-u', '-d', '@0']).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
      const seq = run(['usr/bin/seq', '3', '3', '12']);
      expect(seq.stdout).toBe('3\n6\n9\n12\n');
      expect(run(['usr/bin/tr', '0-9', 'a-j'], { stdin: seq.stdout }).stdout).toBe('d\ng\nj\nbc\n');
    });
  });

  it('-prefix-only keeps absolute paths under the prefix (but /proc), where plain -L falls back to the host', () => {
    const cat = (...flags: string[]) => spawnSync(process.execPath, [CLI, ...flags, '-L', ROOT, join(ROOT, 'bin/cat'), '/etc/hostname', '/etc/xattr.conf'], { encoding: 'utf8', timeout: 60_000 });
    const host = cat();
    expect(host.stdout).toBe(readFileSync('/etc/hostname', 'utf8') + readFileSync(join(ROOT, 'etc/xattr.conf'), 'utf8'));
    const only = cat('-prefix-only');
    expect(only.status).toBe(1);
    expect(only.stdout).toBe(readFileSync(join(ROOT, 'etc/xattr.conf'), 'utf8'));
    expect(only.stderr).toContain('/etc/hostname: No such file or directory');
    const proc = spawnSync(process.execPath, [CLI, '-prefix-only', '-L', ROOT, join(ROOT, 'usr/bin/head'), '-c', '10', '/proc/self/status'], { encoding: 'utf8', timeout: 60_000 });
    expect(proc.stdout).toBe('Name:\thead');
  });

  it('busybox applets that need no fork', () => {
    const files = { 'p.txt': POEM };
    expect(run(['bin/busybox', 'sort', '-r', 'p.txt'], { files }).stdout).toBe('the quick brown fox\nthe lazy dog\nthe end\njumps over\n');
    expect(run(['bin/busybox', 'awk', '{ n += NF } END { print n, NR }', 'p.txt'], { files }).stdout).toBe('11 4\n');
    expect(run(['bin/busybox', 'sed', '-n', 's/the /THE /p', 'p.txt'], { files }).stdout).toBe('THE quick brown fox\nTHE lazy dog\nTHE end\n');
    expect(run(['bin/busybox', 'wc', '-l', 'p.txt'], { files }).stdout).toBe('4 p.txt\n');
    expect(run(['bin/busybox', 'md5sum', 'p.txt'], { files }).stdout).toMatch(/^[0-9a-f]{32} {2}p\.txt\n$/);
  });

  describe('python3.11', () => {
    const py = 'usr/bin/python3.11';
    it('-c with json, re, struct, math and hashlib', () => {
      const r = run([py, '-c', 'import json, re, struct, math, hashlib; print(json.dumps({"a": [1, 2.5, None]}, sort_keys=True)); print(re.sub(r"a+", "x", "caaat-aa")); print(struct.pack("<Iq", 7, -2).hex()); print(math.sqrt(2), math.factorial(20)); print(hashlib.sha256(b"abc").hexdigest())']);
      expect(r.stdout).toBe('{"a": [1, 2.5, null]}\ncxt-x\n07000000feffffffffffffff\n1.4142135623730951 2432902008176640000\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
      expect(r.status).toBe(0);
    });
    it('a script that reads and writes files', () => {
      const script = 'import os, sys\nwith open("in.txt") as f:\n    words = f.read().split()\nwith open("out.txt", "w") as f:\n    for w in sorted(set(words)):\n        f.write(f"{w} {words.count(w)}\\n")\nprint(len(words), os.path.getsize("out.txt"), sorted(os.listdir(".")))\nsys.exit(3)\n';
      const r = run([py, 's.py'], { files: { 's.py': script, 'in.txt': POEM } });
      expect(r.stdout).toBe("11 62 ['in.txt', 'out.txt', 's.py']\n");
      expect(r.status).toBe(3);
      expect(readFileSync(join(r.dir, 'out.txt'), 'utf8').split('\n')[0]).toBe('brown 1');
    });
    it('-m json.tool', () => {
      expect(run([py, '-m', 'json.tool', '--sort-keys'], { stdin: '{"b": 1, "a": [true, "x"]}' }).stdout).toBe('{\n    "a": [\n        true,\n        "x"\n    ],\n    "b": 1\n}\n');
    });
  });

  it('sqlite3 on a database file: create, insert, a transaction, aggregates', () => {
    const sql = 'create table t(k text, v integer);\nbegin;\ninsert into t values (\'a\', 1), (\'b\', 2), (\'a\', 3);\ncommit;\nbegin;\ninsert into t values (\'c\', 100);\nrollback;\nselect k, count(*), sum(v), avg(v) from t group by k order by k;\n';
    const r = run(['usr/bin/sqlite3', '-batch', 'db.sqlite'], { stdin: sql });
    expect(r.stdout).toBe('a|2|4|2.0\nb|1|2|2.0\n');
    expect(readFileSync(join(r.dir, 'db.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('lua5.4 scripts', () => {
    const lua = 'local t = {}\nfor w in io.read("a"):gmatch("%a+") do t[#t + 1] = w:upper() end\ntable.sort(t)\nprint(table.concat(t, ","), #t, string.format("%.4f", math.pi), 7 // 2, 2^10)\n';
    expect(run(['usr/bin/lua5.4', 's.lua'], { files: { 's.lua': lua }, stdin: POEM }).stdout).toBe('BROWN,DOG,END,FOX,JUMPS,LAZY,OVER,QUICK,THE,THE,THE\t11\t3.1416\t3\t1024.0\n');
  });

  it('gzip and xz round trips', () => {
    const big = POEM.repeat(500);
    const gz = run(['bin/gzip', '-9', 'big.txt'], { files: { 'big.txt': big } });
    expect(gz.status).toBe(0);
    expect(readdirSync(gz.dir)).toEqual(['big.txt.gz']);
    const packed = readFileSync(join(gz.dir, 'big.txt.gz'));
    expect(packed.length).toBeLessThan(big.length / 20);
    expect(run(['bin/gzip', '-dc', 'big.txt.gz'], { files: { 'big.txt.gz': packed } }).stdout).toBe(big);
    const xz = run(['usr/bin/xz', '-9', '-k', 'big.txt'], { files: { 'big.txt': big } });
    expect(xz.status).toBe(0);
    const xzd = readFileSync(join(xz.dir, 'big.txt.xz'));
    expect(xzd.subarray(0, 6)).toEqual(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]));
    expect(run(['usr/bin/xz', '-dc', 'big.txt.xz'], { files: { 'big.txt.xz': xzd } }).stdout).toBe(big);
  });

  it('grep -P (PCRE2 compiles to code it then runs), grep -c, sed', () => {
    const files = { 'g.txt': 'foo123\nbar\nbaz42x\nqux7\n' };
    expect(run(['bin/grep', '-P', '\\d{2,}(?!\\d)', 'g.txt'], { files }).stdout).toBe('foo123\nbaz42x\n');
    expect(run(['bin/grep', '-c', 'a', 'g.txt'], { files }).stdout).toBe('2\n');
    expect(run(['bin/sed', '-E', 's/([a-z]+)([0-9]+)/\\2\\1/', 'g.txt'], { files }).stdout).toBe('123foo\nbar\n42bazx\n7qux\n');
  });

  it('gawk', () => {
    const awk = 'BEGIN { FS = " " } { for (i = 1; i <= NF; i++) n[$i]++ } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (w in n) printf "%s=%d ", w, n[w]; printf "%.6f\\n", atan2(0, -1) }';
    expect(run(['usr/bin/gawk', awk, 'p.txt'], { files: { 'p.txt': POEM } }).stdout).toBe('brown=1 dog=1 end=1 fox=1 jumps=1 lazy=1 over=1 quick=1 the=3 3.141593\n');
  });
});

/** ls cases: a tree of two files, a symlink and a directory, every time set to 1000000000. */
function runLs(argv: string[]): Run {
  return run(argv, {
    setup: (dir) => {
      mkdirSync(join(dir, 'tree/sub'), { recursive: true });
      writeFileSync(join(dir, 'tree/a'), 'abc');
      writeFileSync(join(dir, 'tree/b'), '0123456789');
      symlinkSync('a', join(dir, 'tree/l'));
      for (const f of ['tree/a', 'tree/b', 'tree/sub', 'tree']) utimesSync(join(dir, f), 1e9, 1e9);
      lutimesSync(join(dir, 'tree/l'), 1e9, 1e9);
    },
  });
}
