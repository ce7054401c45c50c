import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import pino from 'pino';
import { Builder, cache, DecoratorError, InvalidInputsError, WorkerPoolExecutor, node, type CacheSettings } from '../../lib/index.js';
import { fingerprint } from '../../lib/platform/cache/fingerprint.js';
import { CacheFeatures, CacheFeaturesChanged, calls } from './fixtures/cache-features.js';
import { thrownBy } from '../support.js';

type LogRecord = Record<string, unknown> & { cache?: string; node?: string; key?: string; level: number };

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(os.tmpdir(), 'hamilton-cache-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  for (const k of Object.keys(calls)) delete calls[k];
});

function driver(dir: string, modules: Function[] = [CacheFeatures], options: { config?: Record<string, unknown>; settings?: Partial<CacheSettings>; level?: string } = {}) {
  const lines: LogRecord[] = [];
  const logger = pino({ level: options.level ?? 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as LogRecord) });
  const dr = new Builder()
    .withModules(...modules)
    .withConfig(options.config ?? {})
    .withCache({ dir, ...options.settings })
    .withLogger(logger)
    .build();
  const cacheLog = () => lines.filter((l) => l.cache !== undefined).map((l) => `${l.node ?? ''}:${l.cache}`);
  return { dr, lines, cacheLog, clear: () => void (lines.length = 0) };
}

describe('withCache: a second run reads what the first stored', () => {
  it('reads every node from the cache when code, config and inputs are unchanged, and logs hit or miss for each', async () => {
    const dir = freshDir();
    const first = driver(dir);
    const outputs = ['doubled', 'summary'];
    const inputs = { seed: 2, name: 'x' };
    const cold = await first.dr.execute(outputs, { inputs });
    expect(first.cacheLog().sort()).toEqual(['base:miss', 'doubled:miss', 'label:miss', 'sales:miss', 'summary:miss']);
    expect(calls).toEqual({ base: 1, doubled: 1, label: 1, sales: 1, summary: 1 });

    const second = driver(dir);
    const warm = await second.dr.execute(outputs, { inputs });
    expect(second.cacheLog().sort()).toEqual(['base:hit', 'doubled:hit', 'label:hit', 'sales:hit', 'summary:hit']);
    expect(calls).toEqual({ base: 1, doubled: 1, label: 1, sales: 1, summary: 1 });
    // The same keys, and the same values back: typed arrays, Dates, Maps and tables inside objects.
    const keys = (ls: LogRecord[]) => Object.fromEntries(ls.filter((l) => l.cache).map((l) => [l.node, l.key]));
    expect(keys(second.lines)).toEqual(keys(first.lines));
    expect(warm.doubled).toEqual(cold.doubled);
    expect(Object.prototype.toString.call(warm.doubled)).toBe('[object Float64Array]');
    const summary = warm.summary as { total: number; label: string; when: Date; tags: Map<string, number[]>; table: aq.ColumnTable };
    expect(summary.total).toBe(6);
    expect(summary.label).toBe('label of x');
    expect(summary.when.getTime()).toBe(Date.UTC(2024, 0, 2));
    expect([...summary.tags]).toEqual([['a', [1, 2]]]);
    expect(summary.table.objects()).toEqual([{ region: 'n' }, { region: 's' }]);
  });

  it('logs each record as { node, cache, key, runId } at level info', async () => {
    const { dr, lines } = driver(freshDir());
    await dr.execute(['base'], { inputs: { seed: 1 } });
    expect(lines.filter((l) => l.cache)).toEqual([
      expect.objectContaining({ level: 30, node: 'base', cache: 'miss', key: expect.stringMatching(/^[0-9a-f]{64}$/), runId: expect.any(String) }),
    ]);
  });

  it('recomputes the nodes whose input changed, and only them', async () => {
    const dir = freshDir();
    await driver(dir).dr.execute(['doubled', 'label'], { inputs: { seed: 1, name: 'a' } });
    const again = driver(dir);
    const out = await again.dr.execute(['doubled', 'label'], { inputs: { seed: 2, name: 'a' } });
    expect(again.cacheLog().sort()).toEqual(['base:miss', 'doubled:miss', 'label:hit']);
    expect(out.doubled).toEqual(Float64Array.of(40, 42, 44, 46, 48));
  });

  it('recomputes a node whose method changed, and not the unchanged one upstream', async () => {
    const dir = freshDir();
    await driver(dir).dr.execute(['doubled'], { inputs: { seed: 1 } });
    const changed = driver(dir, [CacheFeaturesChanged]);
    const out = await changed.dr.execute(['doubled'], { inputs: { seed: 1 } });
    expect(changed.cacheLog()).toEqual(['base:hit', 'doubled:miss']);
    expect(out.doubled).toEqual(Float64Array.of(21, 23, 25, 27, 29));
  });

  it('recomputes when the config changes, also a key the node does not read (every key includes the whole config)', async () => {
    const dir = freshDir();
    await driver(dir, [CacheFeatures], { config: { factor: 2, region: 'us' } }).dr.execute(['scaled'], { inputs: { seed: 1 } });
    const same = driver(dir, [CacheFeatures], { config: { factor: 2, region: 'us' } });
    await same.dr.execute(['scaled'], { inputs: { seed: 1 } });
    expect(same.cacheLog()).toEqual(['base:hit', 'scaled:hit']);
    const otherRegion = driver(dir, [CacheFeatures], { config: { factor: 2, region: 'eu' } });
    await otherRegion.dr.execute(['scaled'], { inputs: { seed: 1 } });
    expect(otherRegion.cacheLog()).toEqual(['base:miss', 'scaled:miss']);
    const otherFactor = driver(dir, [CacheFeatures], { config: { factor: 3, region: 'us' } });
    const out = await otherFactor.dr.execute(['scaled'], { inputs: { seed: 1 } });
    expect(out.scaled).toEqual(Float64Array.of(30, 33, 36, 39, 42));
  });
});

describe('cache behaviours', () => {
  it("@cache({ behavior: 'recompute' }) always runs the node and stores its value", async () => {
    const dir = freshDir();
    await driver(dir).dr.execute(['fresh'], { inputs: { seed: 1 } });
    const again = driver(dir);
    await expect(again.dr.execute(['fresh'], { inputs: { seed: 1 } })).resolves.toEqual({ fresh: 2 });
    expect(calls.fresh).toBe(2);
    expect(again.cacheLog()).toEqual(['fresh:miss']);
    expect(again.lines.find((l) => l.cache)).toMatchObject({ behavior: 'recompute' });
    // The second run rewrote the one entry of the same key.
    expect(readdirSync(dir).filter((f) => f.endsWith('.entry'))).toEqual([`${again.lines.find((l) => l.cache)!.key}.entry`]);
  });

  it("@cache({ behavior: 'disable' }) runs the node as if there were no cache", async () => {
    const dir = freshDir();
    const { dr, cacheLog } = driver(dir);
    await dr.execute(['never'], { inputs: { seed: 1 } });
    await expect(dr.execute(['never'], { inputs: { seed: 1 } })).resolves.toEqual({ never: 3 });
    expect(calls.never).toBe(2);
    expect(cacheLog()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("withCache({ defaultBehavior: 'disable' }) caches only the nodes marked @cache()", async () => {
    const dir = freshDir();
    const settings = { defaultBehavior: 'disable' as const };
    await driver(dir, [CacheFeatures], { settings }).dr.execute(['base', 'marked'], { inputs: { seed: 1 } });
    const again = driver(dir, [CacheFeatures], { settings });
    await again.dr.execute(['base', 'marked'], { inputs: { seed: 1 } });
    expect(again.cacheLog()).toEqual(['marked:hit']);
    expect(calls).toEqual({ base: 2, marked: 1 });
  });

  it('always runs the final node of a checked node, so its check results are logged on every run', async () => {
    const dir = freshDir();
    await driver(dir).dr.execute(['checked'], { inputs: { seed: 3 } });
    const again = driver(dir);
    await expect(again.dr.execute(['checked'], { inputs: { seed: 3 } })).resolves.toEqual({ checked: 150 });
    expect(again.cacheLog().sort()).toEqual(['checked_range_validator:hit', 'checked_raw:hit']);
    expect(calls.checked).toBe(1);
    expect(again.lines.filter((l) => l.validator === 'range_validator')).toEqual([expect.objectContaining({ node: 'checked', passed: false, level: 40 })]);
  });

  it('runs, without caching, a node whose input cannot be fingerprinted, and stores no value that would lose its class', async () => {
    const dir = freshDir();
    const first = driver(dir, [CacheFeatures], { level: 'debug' });
    await first.dr.execute(['pointX'], { inputs: { seed: 4 } });
    const second = driver(dir, [CacheFeatures], { level: 'debug' });
    await expect(second.dr.execute(['pointX'], { inputs: { seed: 4 } })).resolves.toEqual({ pointX: 4 });
    expect(calls).toEqual({ point: 2, pointX: 2 });
    expect(second.cacheLog()).toEqual(['point:miss', 'point:skip', 'pointX:skip']);
    const skips = second.lines.filter((l) => l.cache === 'skip');
    expect(skips[0]).toMatchObject({ level: 20, reason: expect.stringMatching(/value is an instance of class Point/) });
    expect(skips[1]).toMatchObject({ level: 20, reason: expect.stringMatching(/input point: value is an instance of class Point/) });
  });
});

describe('cache files', () => {
  const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.entry'));

  it('writes one file per entry: a JSON header line with the key, the format and the sha256 of the payload that follows', async () => {
    const dir = freshDir();
    const { dr, lines } = driver(dir);
    await dr.execute(['sales'], { inputs: { seed: 1 } });
    const key = lines.find((l) => l.cache)!.key!;
    expect(entries(dir)).toEqual([`${key}.entry`]);
    const bytes = readFileSync(join(dir, `${key}.entry`));
    const newline = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    const payload = bytes.subarray(newline + 1);
    expect(header).toMatchObject({ hamiltonCache: 1, key, node: 'sales', format: 'arrow', bytes: payload.byteLength });
    expect(header.sha256).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(aq.fromArrow(new Uint8Array(payload)).objects()).toEqual([{ region: 'n', amount: 1 }, { region: 's', amount: 2 }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 7)],
    ['a payload byte flipped', (b: Buffer) => { const c = Buffer.from(b); c[c.length - 3] ^= 0xff; return c; }],
    ['a header byte changed', (b: Buffer) => { const c = Buffer.from(b); c[5] = 0x7b; return c; }],
    ['emptied', () => Buffer.alloc(0)],
  ])('detects an entry %s, recomputes the node and rewrites the entry', async (_how, damage) => {
    const dir = freshDir();
    const { dr, lines } = driver(dir);
    await dr.execute(['doubled'], { inputs: { seed: 1 } });
    const key = lines.find((l) => l.node === 'doubled' && l.cache)!.key!;
    const file = join(dir, `${key}.entry`);
    writeFileSync(file, damage(readFileSync(file)));

    const again = driver(dir);
    await expect(again.dr.execute(['doubled'], { inputs: { seed: 1 } })).resolves.toEqual({ doubled: Float64Array.of(20, 22, 24, 26, 28) });
    expect(again.cacheLog()).toEqual(['base:hit', 'doubled:corrupt', 'doubled:miss']);
    expect(again.lines.find((l) => l.cache === 'corrupt')).toMatchObject({ level: 40, file, reason: expect.any(String) });
    expect(calls.doubled).toBe(2);
    const third = driver(dir);
    await third.dr.execute(['doubled'], { inputs: { seed: 1 } });
    expect(third.cacheLog()).toEqual(['base:hit', 'doubled:hit']);
  });

  it('never lets two processes racing on one folder read a half-written entry', async () => {
    const dir = freshDir();
    const script = fileURLToPath(new URL('./fixtures/cache-racer.ts', import.meta.url));
    const race = (id: number) =>
      new Promise<{ hit: number; miss: number; corrupt: number; wrong: number; runs: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--no-warnings', '--conditions=source', '--import', 'tsx', script, dir, '100', '500000', String(id)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`racer ${id} exited with ${code}: ${err}`))));
      });
    const results = await Promise.all([race(0), race(1)]);
    for (const r of results) {
      expect(r.runs).toBe(100);
      expect(r.wrong).toBe(0);
      expect(r.corrupt).toBe(0);
      expect(r.hit).toBeGreaterThan(0);
      expect(r.miss).toBeGreaterThan(0);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('cache with worker threads', () => {
  it('reads a hit in this thread: the node does not run in a worker again', async () => {
    const dir = freshDir();
    const logFile = join(dir, 'touched.log');
    const pool = new WorkerPoolExecutor({ threads: 1, tags: { where: 'worker' } });
    try {
      const build = () => new Builder().withModules(CacheFeatures).withExecutor(pool).withCache({ dir: join(dir, 'cache') }).withLogger(pino({ level: 'silent' })).build();
      await expect(build().execute(['touched'], { inputs: { logFile, seed: 5 } })).resolves.toEqual({ touched: 5 });
      await expect(build().execute(['touched'], { inputs: { logFile, seed: 5 } })).resolves.toEqual({ touched: 5 });
      expect(readFileSync(logFile, 'utf8')).toBe('ran 5\n');
    } finally {
      await pool.destroy();
    }
  }, 60_000);
});

describe('fingerprints', () => {
  const digest = (v: unknown) => {
    const f = fingerprint(v);
    if (!f.ok) throw new Error(f.reason);
    return f.digest;
  };

  it('do not depend on the order keys were written in', () => {
    expect(digest({ a: 1, b: [1, 'x'], c: { d: null, e: undefined } })).toBe(digest({ c: { e: undefined, d: null }, b: [1, 'x'], a: 1 }));
  });

  it('tell apart values that print alike', () => {
    const all = [1, '1', [1], [1, 2], [2, 1], Float64Array.of(1), Float32Array.of(1), { a: 1 }, new Map([['a', 1]]), new Date(1), null, undefined, 0, -0, NaN, 1n, true];
    expect(new Set(all.map(digest)).size).toBe(all.length);
  });

  it('read typed arrays by their bytes, tables by their content', () => {
    expect(digest(Float64Array.of(1, 2, 3))).toBe(digest(new Float64Array([1, 2, 3])));
    expect(digest(Float64Array.of(1, 2, 3).subarray(1))).toBe(digest(Float64Array.of(2, 3)));
    expect(digest(aq.table({ a: [1, 2] }))).toBe(digest(aq.table({ a: [1, 2] })));
    expect(digest(aq.table({ a: [1, 2] }))).not.toBe(digest(aq.table({ a: [1, 3] })));
  });

  it('refuse functions, class instances and cycles, saying where', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(fingerprint({ f: () => 1 })).toEqual({ ok: false, reason: 'value.f is a function' });
    expect(fingerprint([1, new (class Widget {})()])).toEqual({ ok: false, reason: 'value[1] is an instance of class Widget' });
    expect(fingerprint(cyclic)).toEqual({ ok: false, reason: 'value.self is part of a cycle' });
  });
});

describe('cache settings', () => {
  it.each([[{}], [{ dir: '' }], [{ dir: 'x', defaultBehavior: 'always' }], [null]])('withCache(%j) is an InvalidInputsError', (settings) => {
    expect(() => new Builder().withCache(settings as never)).toThrow(InvalidInputsError);
    expect(() => new Builder().withCache(settings as never)).toThrow(/withCache takes \{ dir, defaultBehavior\? \}/);
  });

  it('@cache with an unknown behaviour is a DecoratorError naming the method', () => {
    const error = thrownBy(() => {
      class Bad {
        @cache({ behavior: 'sometimes' as never })
        @node()
        x(): number {
          return 1;
        }
      }
      return Bad;
    });
    expect(error).toBeInstanceOf(DecoratorError);
    expect((error as Error).message).toMatch(/@cache on method `x` takes \{ behavior\?: 'default' \| 'recompute' \| 'disable' \}, got \{"behavior":"sometimes"\}/);
  });
});
