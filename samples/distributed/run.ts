// The distributed sample: one redis-server on a free local port, two `hamilton-ts worker` processes, and the
// same dataflow run in this process and on the workers (BullMQExecutor), with the results and timings.
//
//   npm run sample:distributed
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Builder, BullMQExecutor, LocalExecutor } from 'hamilton-ts';
import { RiskFeatures } from './features.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUTS = ['lossRiskA', 'lossRiskB', 'lossRiskC', 'lossRiskD', 'lossRiskE', 'lossRiskF', 'meanLossRisk'];
const INPUTS = { days: 750, paths: 120_000 };

if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log('samples/distributed needs redis-server on PATH (e.g. `apt-get install redis-server`); nothing was run.');
  process.exit(0);
}

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const children: ChildProcess[] = [];
try {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(redis);
  await outputOf(redis, 'Ready to accept connections');
  // In a project of your own: `npx hamilton-ts worker samples/distributed/features.ts --queue risk --redis <url>`.
  const workers = [0, 1].map(() =>
    spawn(process.execPath, ['bin/hamilton-ts-dev.js', 'worker', 'samples/distributed/features.ts', '--queue', 'risk', '--redis', url], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    }),
  );
  children.push(...workers);
  // Each worker prints pino records on stdout; this sample reads them only to know it started.
  await Promise.all(workers.map((w) => outputOf(w, 'worker started')));

  const local = new Builder().withModules(RiskFeatures).withExecutor(new LocalExecutor()).build();
  let t = performance.now();
  const here = await local.execute(OUTPUTS, { inputs: INPUTS });
  const localMs = performance.now() - t;

  const executor = new BullMQExecutor({ queue: 'risk', connection: url });
  try {
    const remote = new Builder().withModules(RiskFeatures).withExecutor(executor).build();
    t = performance.now();
    const there = await remote.execute(OUTPUTS, { inputs: INPUTS, timeoutMs: 120_000 });
    const remoteMs = performance.now() - t;
    console.log('results on two workers:', there);
    console.log(`same as in process: ${JSON.stringify(there) === JSON.stringify(here)}`);
    console.log(`in process: ${localMs.toFixed(0)} ms; two workers: ${remoteMs.toFixed(0)} ms (${(localMs / remoteMs).toFixed(2)}x)`);
  } finally {
    await executor.close();
  }
} finally {
  for (const c of children.reverse()) c.kill('SIGTERM');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** Resolves when the process prints `text` on stdout. */
function outputOf(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited (${code}) before printing "${text}"`)));
  });
}
