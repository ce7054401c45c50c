import { describe, expect, it } from '@jest/globals';
import { Worker } from 'node:worker_threads';
import { Builder, builderFromSource, LinkError, type GraphSource } from '../../lib/index.js';
import { RebuildFeatures } from './fixtures/rebuild-features.js';
import { silent } from '../support.js';

const WORKER = new URL('./fixtures/rebuild-worker.mjs', import.meta.url);

interface WorkerReply {
  ok: boolean;
  values?: Record<string, unknown>;
  nodes?: { name: string; origin?: string }[];
  error?: { name: string; message: string };
}

function inWorker(data: { source: GraphSource; outputs: string[]; inputs: Record<string, unknown> }): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: data, execArgv: ['--conditions=source', '--no-warnings'] });
    w.once('message', (m: WorkerReply) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
  });
}

const inputs = { spend: [10, 20, 30, 40] };

describe('graph source', () => {
  it('names each module by the file URL that defines it and its class name', () => {
    const dr = new Builder().withModules(RebuildFeatures).withConfig({ region: 'us' }).withLogger(silent).build();
    const source = dr.graphSource();
    expect(source.modules).toEqual([{ url: new URL('./fixtures/rebuild-features.ts', import.meta.url).href, className: 'RebuildFeatures' }]);
    expect(source.config).toEqual({ region: 'us' });
    expect(structuredClone(source)).toEqual(source);
  });

  it('is a LinkError naming the class when a module was given as an instance', () => {
    const dr = new Builder().withModules(new RebuildFeatures()).withLogger(silent).build();
    expect(() => dr.graphSource()).toThrow(LinkError);
    expect(() => dr.graphSource()).toThrow(/RebuildFeatures was given as an instance/);
  });

  it('rebuilds the same graph in this process', async () => {
    const dr = new Builder().withModules(RebuildFeatures).withLogger(silent).build();
    const again = (await builderFromSource(dr.graphSource())).withLogger(silent).build();
    expect(again.listAvailableVariables()).toEqual(dr.listAvailableVariables());
    expect(await again.execute(['spendZeroMean', 'share'], { inputs })).toEqual(await dr.execute(['spendZeroMean', 'share'], { inputs }));
  });

  it('is a LinkError naming the file when it does not export the class', async () => {
    const url = new URL('./fixtures/rebuild-features.ts', import.meta.url).href;
    await expect(builderFromSource({ modules: [{ url, className: 'Missing' }], config: {} })).rejects.toThrow(/does not export class Missing \(it exports `RebuildFeatures`\)/);
  });
});

describe('rebuilding in a worker thread from { module URLs, config } alone', () => {
  it('runs checked nodes by name and gets the values computed in process', async () => {
    const dr = new Builder().withModules(RebuildFeatures).withLogger(silent).build();
    const outputs = ['spendZeroMean', 'share', 'spendZeroMean_range_validator'];
    const here = await dr.execute(outputs, { inputs });
    const there = await inWorker({ source: dr.graphSource(), outputs, inputs });
    expect(there.error).toBeUndefined();
    expect(there.values).toEqual(here);
    expect(there.nodes!.map((n) => n.name)).toEqual(dr.listAvailableVariables().map((n) => n.name));
  }, 30_000);

  it('runs a parameterized node, an extracted column and a config variant by name, with the values computed in process', async () => {
    const dr = new Builder().withModules(RebuildFeatures).withConfig({ region: 'uk' }).withLogger(silent).build();
    const outputs = ['spendZeroMean', 'spendDoubled', 'spendInCurrency', 'weeklyShare', 'week', 'rate'];
    const here = await dr.execute(outputs, { inputs });
    const source = dr.graphSource();
    expect(source).toEqual({ modules: [expect.objectContaining({ className: 'RebuildFeatures' })], config: { region: 'uk' } });
    const there = await inWorker({ source, outputs, inputs });
    expect(there.error).toBeUndefined();
    expect(there.values).toEqual(here);
    // The values are the ones the uk variant and the bindings give, not merely equal on both sides.
    expect(there.values).toEqual({
      spendZeroMean: [-15, -5, 5, 15],
      spendDoubled: [20, 40, 60, 80],
      spendInCurrency: [12.5, 25, 37.5, 50],
      weeklyShare: [0.1, 0.2, 0.3, 0.4],
      week: [1, 2, 3, 4],
      rate: 1.25,
    });
    const nodes = new Map(there.nodes!.map((n) => [n.name, n]));
    expect(nodes.get('rate')!.origin).toBe('RebuildFeatures.rate__uk');
    expect(nodes.get('spendInCurrency')!.origin).toBe('RebuildFeatures.scaled');
    expect(nodes.get('weeklyShare')!.origin).toBe('RebuildFeatures.weekly');
    expect(there.nodes).toEqual(dr.listAvailableVariables().map((n) => ({ name: n.name, dependencies: n.dependencies, tags: n.tags, origin: n.origin })));
  }, 30_000);

  it('reports a failed fail-importance check from the worker as DataValidationError', async () => {
    const dr = new Builder().withModules(RebuildFeatures).withLogger(silent).build();
    const there = await inWorker({ source: dr.graphSource(), outputs: ['share'], inputs: { spend: [-1, 2] } });
    expect(there.ok).toBe(false);
    expect(there.error!.name).toBe('DataValidationError');
  }, 30_000);
});
