// Start-up: importing hamilton-ts loads none of arquero, ajv, acorn, Graphviz, resvg, the Parquet libraries, bullmq or ioredis;
// each loads when it is first needed. Checked in a fresh process, which lists every module it loaded.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEAVY = ['arquero', '@uwdata/flechette', 'ajv', 'acorn', '@hpcc-js/wasm-graphviz', '@resvg/resvg-js', 'hyparquet', 'hyparquet-writer', 'bullmq', 'ioredis'];

/**
 * Runs `steps` (module code, with `hamilton` imported and a scratch folder `DIR`) in a fresh node with tsx, and returns the
 * heavy packages loaded after each step: ES modules seen by a resolve hook, CommonJS ones from require.cache.
 */
async function packagesLoadedBy(steps: readonly string[]): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'hamilton-lazy-'));
  try {
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(hooks, "export async function resolve(s, c, next) { const r = await next(s, c); globalThis.port?.postMessage(r.url); return r; }\nexport function initialize({ port }) { globalThis.port = port; }\n");
    const script = join(dir, 'main.mts');
    writeFileSync(
      script,
      [
        "import { register, createRequire } from 'node:module';",
        "import { MessageChannel } from 'node:worker_threads';",
        'const urls: string[] = [];',
        'const { port1, port2 } = new MessageChannel();',
        'port1.on("message", (u: string) => urls.push(u)); port1.unref();',
        `register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { port: port2 }, transferList: [port2] });`,
        'const settle = () => new Promise((r) => setTimeout(r, 50));',
        `const heavy = ${JSON.stringify(HEAVY)};`,
        "const cjs = () => Object.keys(createRequire(import.meta.url).cache);",
        "const loaded = () => heavy.filter((p) => [...urls, ...cjs()].some((u) => u.includes(`/node_modules/${p}/`)));",
        'const report: string[][] = [];',
        `const DIR = ${JSON.stringify(dir)};`,
        `const hamilton = await import(${JSON.stringify(pathToFileURL(join(root, 'lib', 'index.ts')).href)});`,
        'await settle(); report.push(loaded());',
        ...steps.map((s) => `{ ${s} } await settle(); report.push(loaded());`),
        'console.log(JSON.stringify(report));',
      ].join('\n'),
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--conditions=source', '--import', 'tsx', script], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
    return JSON.parse(stdout.trim().split('\n').pop()!) as string[][];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('start-up', () => {
  it('imports no heavy package, and loads each on first use', async () => {
    const [atImport, afterNode, afterTable, afterSchema, afterParquet] = await packagesLoadedBy([
      "hamilton.node()(function x(a: number) { return a; }, { kind: 'method', name: 'x', static: false, metadata: {} } as never);",
      "const t = new hamilton.TableResult(); await t.prepare(); t.build({ a: [1] }, ['a']);",
      "hamilton.checkOutput({ schema: { type: 'number' } })(function y(a: number) { return a; }, { kind: 'method', name: 'y', static: false, metadata: {} } as never);",
      "await hamilton.saveData({ a: [1] }, `${DIR}/x.parquet`);",
    ]);
    expect(atImport).toEqual([]);
    expect(afterNode).toEqual(['acorn']);
    expect(afterTable).toEqual(expect.arrayContaining(['arquero', 'acorn']));
    expect(afterTable).not.toContain('ajv');
    expect(afterSchema).toContain('ajv');
    expect(afterParquet).toEqual(expect.arrayContaining(['hyparquet-writer']));
    expect(afterParquet).not.toContain('@hpcc-js/wasm-graphviz');
  }, 60_000);
});
