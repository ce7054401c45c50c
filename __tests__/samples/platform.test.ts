// The platform sample: the same features plain, with hooks, in worker threads and cached give one answer.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Builder } from '../../lib/index.js';
import { RiskFeatures } from '../../samples/platform/risk_features.js';
import { silent } from '../support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('samples/platform', () => {
  it('computes a value at risk per book: the 99th percentile of simulated losses, and the largest of them', async () => {
    const dr = new Builder().withModules(RiskFeatures).withLogger(silent).build();
    const { equityLosses, valueAtRisk, worstBook } = (await dr.execute(['equityLosses', 'valueAtRisk', 'worstBook'], { inputs: { paths: 500, steps: 50 } })) as {
      equityLosses: Float64Array; valueAtRisk: Record<string, number>; worstBook: string;
    };
    const sorted = Float64Array.from(equityLosses).sort();
    expect(valueAtRisk.equity).toBe(sorted[Math.floor(0.99 * sorted.length)]);
    // The more volatile book loses more: commodities (1.5%) above equity (1.2%) above bonds (0.4%).
    expect(valueAtRisk.commodities).toBeGreaterThan(valueAtRisk.equity!);
    expect(valueAtRisk.equity).toBeGreaterThan(valueAtRisk.bonds!);
    expect(worstBook).toBe(Object.entries(valueAtRisk).sort((a, b) => b[1] - a[1])[0]![0]);
  });

  it('runs from npm as the README shows, with the same results plain, pooled and cached', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'sample:platform'], { cwd: root, env: { ...process.env, PATHS: '200' } });
    expect(stdout).toContain('Same results every way: true');
    expect(stdout).toMatch(/cache, warm\s+\d+ ms/);
    expect(stdout).toMatch(/Critical path \([\d.]+ ms\): \w+Losses -> valueAtRisk -> worstBook/);
  }, 120_000);
});
