/**
 * The BullMQ executor's figures, on a real redis-server and real `hamilton-ts worker` processes:
 * the per-node overhead over the local executor for small values, and the throughput of 1,000
 * independent 20 ms CPU nodes on one and on two workers. Skipped, with a record saying why,
 * when redis-server is not on PATH. The processes are started by the BullMQ tests' helpers.
 */
import { Builder, BullMQExecutor, LocalExecutor } from 'hamilton-ts';
import pino from 'pino';
import { hasRedis, startRedis, startWorker, type WorkerProcess } from '../__tests__/platform/bullmq/support.js';
import { BenchNodes, BURN_NODES, TINY_NODES } from './bullmq/features.js';
import { caseRunner, median, round, type BenchRecord } from './harness.js';

const FEATURES = 'bench/bullmq/features.ts';
const silent = pino({ level: 'silent' });

/**
 * Runs the BullMQ cases.
 *
 * @example
 * await run((r) => console.log(JSON.stringify(r)));
 */
export async function run(report: (record: BenchRecord) => void): Promise<void> {
  if (!hasRedis) {
    report({ suite: 'bullmq', case: 'skipped', reason: 'no redis-server on PATH' });
    return;
  }
  const attempt = caseRunner('bullmq', report);
  const redis = await startRedis();
  const workers: WorkerProcess[] = [];
  const executors: BullMQExecutor[] = [];
  const remote = (queue: string, maxConcurrency: number) => {
    const e = new BullMQExecutor({ queue, connection: redis.url, maxConcurrency });
    executors.push(e);
    return new Builder().withModules(BenchNodes).withExecutor(e).withLogger(silent).build();
  };
  try {
    workers.push(...(await Promise.all([startWorker([FEATURES], 'one', redis.url), startWorker([FEATURES], 'two', redis.url), startWorker([FEATURES], 'two', redis.url)])));

    await attempt('per-node overhead, small values', async () => {
      const inputs = { small: [1, 2, 3], burnMs: 0 };
      const local = new Builder().withModules(BenchNodes).withExecutor(new LocalExecutor({ maxConcurrency: 1 })).withLogger(silent).build();
      // One node at a time: each pays the whole round trip (job in, worker, result out).
      const dr = remote('one', 1);
      await dr.execute(TINY_NODES.slice(0, 20), { inputs });
      const remoteMs: number[] = [];
      const localMs: number[] = [];
      for (let r = 0; r < 5; r++) {
        let t = performance.now();
        await dr.execute(TINY_NODES, { inputs });
        remoteMs.push(performance.now() - t);
        t = performance.now();
        await local.execute(TINY_NODES, { inputs });
        localMs.push(performance.now() - t);
      }
      const n = TINY_NODES.length;
      return { nodes: n, runs: 5, overheadMsPerNode: round((median(remoteMs) - median(localMs)) / n, 3), remoteMsPerNode: round(median(remoteMs) / n, 3), localMsPerNode: round(median(localMs) / n, 4) };
    });

    const burnInputs = { burnMs: 20, small: [] };
    const throughput = async (queue: string) => {
      const dr = remote(queue, 64);
      await dr.execute(BURN_NODES.slice(0, 50), { inputs: burnInputs }); // warm: graph built, code compiled on the workers
      const t = performance.now();
      await dr.execute(BURN_NODES, { inputs: burnInputs });
      return (performance.now() - t) / 1000;
    };
    let oneWorkerSeconds = 0;
    await attempt('1,000 independent 20 ms nodes, one worker', async () => {
      oneWorkerSeconds = await throughput('one');
      return { nodes: 1000, seconds: round(oneWorkerSeconds, 3), nodesPerSecond: round(1000 / oneWorkerSeconds, 1) };
    });
    await attempt('1,000 independent 20 ms nodes, two workers', async () => {
      const seconds = await throughput('two');
      return { nodes: 1000, seconds: round(seconds, 3), nodesPerSecond: round(1000 / seconds, 1), speedupOverOneWorker: oneWorkerSeconds ? round(oneWorkerSeconds / seconds, 2) : null, target: '>= 1.6x' };
    });
  } finally {
    await Promise.all(executors.map((e) => e.close()));
    await Promise.all(workers.map((w) => w.stop()));
    await redis.stop();
  }
}
