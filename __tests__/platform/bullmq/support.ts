// A real redis-server on a free loopback port and real `hamilton-ts worker` processes, for the BullMQ suites.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { LAUNCHER, ROOT } from '../../cli/cli.js';

/** True when a redis-server binary is on PATH; the suites are skipped (with one line saying so) otherwise. */
export const hasRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** `describe`, or `describe.skip` with one clear line when there is no redis-server. */
export function redisSuite(name: string): void {
  if (!hasRedis) console.log(`${name}: skipped, no redis-server on PATH (install it, e.g. apt-get install redis-server, to run these suites).`);
}

/** A port nothing listens on right now (redis-server does not take --port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running redis-server. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port, without persistence; resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopChild(child, 'SIGTERM') };
}

/** A `hamilton-ts worker` process and the pino records it printed. */
export interface WorkerProcess {
  readonly pid: number;
  readonly records: Record<string, unknown>[];
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `hamilton-ts worker <files> --queue q --redis url ...extra` from the sources; resolves once it takes jobs. */
export async function startWorker(files: readonly string[], queue: string, url: string, extra: readonly string[] = []): Promise<WorkerProcess> {
  const { NODE_OPTIONS: _jest, ...env } = process.env;
  const child = spawn(process.execPath, [LAUNCHER, 'worker', ...files, '--queue', queue, '--redis', url, ...extra], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const records: Record<string, unknown>[] = [];
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let rest = '';
    child.stdout!.on('data', (d: Buffer) => {
      rest += d.toString();
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const r = JSON.parse(line) as Record<string, unknown>;
        records.push(r);
        if (r.msg === 'worker started') resolve();
      }
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it started: ${err}`)));
  });
  return { pid: child.pid!, records, exited, stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Resolves once `check()` is true, polling every 20 ms; rejects after `ms`. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
