// BullMQExecutor against a real redis-server and real `hamilton-ts worker` processes (one Redis and the
// workers shared by the whole file). Skipped, with one line saying why, when redis-server is not on PATH.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import * as aq from 'arquero';
import {
  Builder,
  BullMQExecutor,
  DataValidationError,
  ExecutionAbortedError,
  JobFailedError,
  LocalExecutor,
  NodeExecutionError,
  QueueConnectionError,
  WorkerRefusedError,
  type AfterNodeExecuteEvent,
} from '../../../lib/index.js';
import { DistFeatures } from './fixtures/features.js';
import { RiskFeatures } from '../../../samples/distributed/features.js';
import { capture, caught, silent } from '../../support.js';
import { eventually, freePort, hasRedis, redisSuite, startRedis, startWorker, type RedisServer, type WorkerProcess } from './support.js';

const FEATURES = '__tests__/platform/bullmq/fixtures/features.ts';
const CHANGED = '__tests__/platform/bullmq/fixtures/features-changed.ts';
const SAMPLE = 'samples/distributed/features.ts';
const FAST_RETRY = ['--lock-duration', '1000', '--stalled-interval', '300'];

redisSuite('BullMQExecutor');
const suite = hasRedis ? describe : describe.skip;

suite('BullMQExecutor with real Redis and worker processes', () => {
  let redis: RedisServer;
  let workers: WorkerProcess[] = [];
  const executors: BullMQExecutor[] = [];
  let markers: string;

  const executor = (options: Partial<ConstructorParameters<typeof BullMQExecutor>[0]> = {}) => {
    const e = new BullMQExecutor({ queue: 'features', connection: redis.url, ...options });
    executors.push(e);
    return e;
  };
  const driver = (e: BullMQExecutor, config: Record<string, unknown> = { factor: 3 }) =>
    new Builder().withModules(DistFeatures).withConfig(config).withExecutor(e).withLogger(silent).build();

  beforeAll(async () => {
    redis = await startRedis();
    workers = await Promise.all([
      startWorker([FEATURES, SAMPLE], 'features', redis.url),
      startWorker([FEATURES, SAMPLE], 'features', redis.url),
      startWorker([CHANGED], 'changed', redis.url),
      startWorker([FEATURES], 'fragile', redis.url, FAST_RETRY),
      startWorker([FEATURES], 'fragile', redis.url, FAST_RETRY),
    ]);
    markers = mkdtempSync(join(tmpdir(), 'hamilton-bullmq-'));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(executors.map((e) => e.close()));
    await Promise.all(workers.map((w) => w.stop()));
    await redis?.stop();
    if (markers) rmSync(markers, { recursive: true, force: true });
  }, 30_000);

  it('computes what the local executor computes: config, typed arrays, large columns and tables, and leaves no value in Redis', async () => {
    const inputs = { spend: new Float64Array([1, 2, 3.5]), size: 100_000 };
    const outputs = ['total', 'scaled', 'big', 'bigSum', 'table', 'tableRows'];
    const local = await new Builder().withModules(DistFeatures).withConfig({ factor: 3 }).withExecutor(new LocalExecutor()).withLogger(silent).build().execute(outputs, { inputs });
    const remote = await driver(executor()).execute(outputs, { inputs });
    expect(remote.total).toBe(local.total);
    expect(remote.scaled).toEqual(local.scaled);
    expect(Object.prototype.toString.call(remote.big)).toBe('[object Float64Array]');
    expect(remote.big).toEqual(local.big);
    expect(remote.bigSum).toBe(local.bigSum);
    expect((remote.table as aq.ColumnTable).objects({ limit: 3 })).toEqual((local.table as aq.ColumnTable).objects({ limit: 3 }));
    expect((remote.table as aq.ColumnTable).numRows()).toBe(100_000);
    expect(remote.tableRows).toBe(100_000);
    const client = new Redis(redis.url);
    const left = await client.keys('bull:features:hamilton:value:*');
    client.disconnect();
    expect(left).toEqual([]);
  }, 30_000);

  it('computes the distributed sample as the local executor does', async () => {
    const outputs = ['lossRiskA', 'lossRiskB', 'lossRiskC', 'lossRiskD', 'lossRiskE', 'lossRiskF', 'meanLossRisk'];
    const inputs = { days: 300, paths: 2000 };
    const local = await new Builder().withModules(RiskFeatures).withLogger(silent).build().execute(outputs, { inputs });
    const remote = await new Builder().withModules(RiskFeatures).withExecutor(executor()).withLogger(silent).build().execute(outputs, { inputs });
    expect(remote).toEqual(local);
    expect(local.meanLossRisk).toBeGreaterThan(0);
  }, 20_000);

  it('reports a node failure as NodeExecutionError naming the node, with the remote error as cause', async () => {
    const e = await caught(() => driver(executor()).execute(['fails'], { inputs: { spend: new Float64Array([1, 2]) } }));
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as NodeExecutionError).node).toBe('fails');
    expect((e as Error).message).toContain('DistFeatures.fails');
    const cause = (e as Error).cause as Error;
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.message).toBe('cannot use 2 values');
    expect(cause.stack).toContain('features.ts');
  }, 20_000);

  it('keeps a failed data-quality check a DataValidationError', async () => {
    const e = await caught(() => driver(executor()).execute(['checkedTotal'], { inputs: { spend: new Float64Array([100, 200]) } }));
    expect(e).toBeInstanceOf(DataValidationError);
  }, 20_000);

  it('runs two runs at once on one queue without mixing their values', async () => {
    const dr = driver(executor());
    const [a, b] = await Promise.all([
      dr.execute(['total', 'scaled'], { inputs: { spend: new Float64Array([1, 2]) } }),
      dr.execute(['total', 'scaled'], { inputs: { spend: new Float64Array([10, 20, 30]) } }),
    ]);
    expect(a).toEqual({ total: 6, scaled: [6, 12] });
    expect(b).toEqual({ total: 120, scaled: [60, 120, 180] });
  }, 20_000);

  it('fires node hooks in the driver with the duration measured on the worker; worker logs carry the run id and node', async () => {
    const events: (AfterNodeExecuteEvent & { elapsed: number })[] = [];
    const started = new Map<string, number>();
    let runId = '';
    const hook = {
      beforeGraphExecute: (e: { runId: string }) => void (runId = e.runId),
      beforeNodeExecute: (e: { name: string }) => void started.set(e.name, performance.now()),
      afterNodeExecute: (e: AfterNodeExecuteEvent) => void events.push({ ...e, elapsed: performance.now() - started.get(e.name)! }),
    };
    const dr = new Builder().withModules(DistFeatures).withConfig({ factor: 3 }).withExecutor(executor()).withAdapters(hook).withLogger(silent).build();
    const result = await dr.execute(['whoLogs'], { inputs: { spend: new Float64Array([1, 2, 3]) } });
    expect(result).toEqual({ whoLogs: 3 });
    expect(events.map((e) => [e.name, e.success])).toEqual([['whoLogs', true]]);
    // The round trip through Redis takes longer than the node itself.
    expect(events[0]!.durationMs).toBeGreaterThan(0);
    expect(events[0]!.durationMs).toBeLessThan(events[0]!.elapsed);
    await eventually(() => workers.slice(0, 2).some((w) => w.records.some((r) => r.runId === runId && r.msg === 'node finished')));
    const all = workers.slice(0, 2).flatMap((w) => w.records).filter((r) => r.runId === runId);
    expect(all.find((r) => r.msg === 'counting')).toMatchObject({ node: 'whoLogs', values: 3 });
    expect(all.find((r) => r.msg === 'node finished')).toMatchObject({ node: 'whoLogs', runId });
  }, 20_000);

  it('on abort removes the queued jobs of the run and aborts the running nodes on the workers', async () => {
    const dir = mkdtempSync(join(markers, 'abort-'));
    const controller = new AbortController();
    const ex = executor();
    const running = driver(ex).execute(['waits', 'waitsToo', 'waitsThree', 'waitsFour'], { inputs: { markerDir: dir, delayMs: 20_000 }, signal: controller.signal });
    // Two workers take one job each; the other two wait in the queue.
    await eventually(() => readdirSync(dir).filter((f) => f.startsWith('waiting-')).length === 2);
    const queue = new Queue('features', { connection: { url: redis.url } });
    expect(await queue.getWaitingCount()).toBe(2);
    const t = performance.now();
    controller.abort('enough');
    const e = await caught(() => running);
    expect(e).toBeInstanceOf(ExecutionAbortedError);
    expect(performance.now() - t).toBeLessThan(1000);
    await eventually(() => readdirSync(dir).filter((f) => f.startsWith('aborted-')).length === 2, 5000);
    expect(await queue.getWaitingCount()).toBe(0);
    await queue.close();
    // The queued nodes never started.
    expect(readdirSync(dir).filter((f) => f.startsWith('waiting-'))).toHaveLength(2);
  }, 30_000);

  it('is refused, naming the node, by a worker whose code for it differs', async () => {
    const e = await caught(() => driver(executor({ queue: 'changed' })).execute(['total'], { inputs: { spend: new Float64Array([1]) } }));
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as NodeExecutionError).node).toBe('doubled');
    const cause = (e as Error).cause as Error;
    expect(cause).toBeInstanceOf(WorkerRefusedError);
    expect(cause.message).toMatch(/refuses node `doubled` \(DistFeatures\.doubled\): its code differs from the driver's/);
  }, 20_000);

  it('fails at once with QueueConnectionError when Redis is not there', async () => {
    const port = await freePort();
    const t = performance.now();
    const e = await caught(() => driver(executor({ connection: `redis://127.0.0.1:${port}` })).execute(['total'], { inputs: { spend: new Float64Array([1]) } }));
    expect(e).toBeInstanceOf(QueueConnectionError);
    expect((e as Error).message).toContain(`Cannot reach Redis at 127.0.0.1:${port} for queue \`features\``);
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it('retries the job of a worker killed mid-node on another worker, and loses nothing', async () => {
    const dir = mkdtempSync(join(markers, 'kill-'));
    const fragile = workers.slice(3, 5);
    const running = driver(executor({ queue: 'fragile' })).execute(['marked'], { inputs: { markerDir: dir, delayMs: 1500 } });
    await eventually(() => readdirSync(dir).length === 1);
    const victim = Number(readdirSync(dir)[0]!.slice('started-'.length));
    await fragile.find((w) => w.pid === victim)!.stop('SIGKILL');
    const survivor = fragile.find((w) => w.pid !== victim)!;
    expect(await running).toEqual({ marked: survivor.pid });
    expect(readdirSync(dir).sort()).toEqual([`started-${survivor.pid}`, `started-${victim}`].sort());
  }, 30_000);

  it('fails the run naming the node when the job stalls more often than the workers allow', async () => {
    const dir = mkdtempSync(join(markers, 'stall-'));
    // Only the survivor of the previous test is left on this queue: kill it mid-node, and a fresh worker that allows no retry finds the job stalled.
    const running = driver(executor({ queue: 'fragile' })).execute(['marked'], { inputs: { markerDir: dir, delayMs: 5000 } });
    await eventually(() => readdirSync(dir).length === 1);
    const victim = Number(readdirSync(dir)[0]!.slice('started-'.length));
    expect([workers[3]!.pid, workers[4]!.pid]).toContain(victim);
    await workers.find((w) => w.pid === victim)!.stop('SIGKILL');
    const fresh = await startWorker([FEATURES], 'fragile', redis.url, [...FAST_RETRY, '--max-stalled', '0']);
    workers.push(fresh);
    const e = await caught(() => running);
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as NodeExecutionError).node).toBe('marked');
    expect((e as Error).cause).toBeInstanceOf(JobFailedError);
    expect((e as Error).message).toMatch(/Node `marked` \(DistFeatures\.marked\) was lost on the workers/);
  }, 30_000);

  it('drains on SIGTERM: the node in flight finishes and its value arrives, then the worker exits', async () => {
    const dir = mkdtempSync(join(markers, 'drain-'));
    const w = workers[workers.length - 1]!;
    const running = driver(executor({ queue: 'fragile' })).execute(['marked'], { inputs: { markerDir: dir, delayMs: 800 } });
    await eventually(() => readdirSync(dir).length === 1);
    const stopped = w.stop('SIGTERM');
    expect(await running).toEqual({ marked: w.pid });
    await stopped;
    expect(await w.exited).toBe(0);
  }, 30_000);

  it('fails a run whose Redis goes away within the reconnect timeout', async () => {
    const lonely = await startRedis();
    const ex = new BullMQExecutor({ queue: 'nobody', connection: lonely.url, reconnectTimeoutMs: 500 });
    const { logger } = capture();
    const running = new Builder().withModules(DistFeatures).withExecutor(ex).withLogger(logger).build().execute(['doubled'], { inputs: { spend: new Float64Array([1]) }, timeoutMs: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    await lonely.stop();
    const e = await caught(() => running);
    expect(e).toBeInstanceOf(NodeExecutionError);
    expect((e as Error).cause).toBeInstanceOf(QueueConnectionError);
    expect(performance.now() - t).toBeLessThan(3000);
    await ex.close();
  }, 20_000);
});
