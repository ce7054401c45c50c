// The README's five-minute tutorial, run as written (pins that the documented API works).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, TableResult, node, tag } from '../../lib/index.js';

class Marketing {
  @node({ doc: 'Mean weekly spend.' })
  spendMean(spend: Float64Array): number {
    return spend.reduce((a, b) => a + b, 0) / spend.length;
  }

  @node()
  spendZeroMean(spend: Float64Array, spendMean: number): Float64Array {
    return spend.map((s) => s - spendMean);
  }

  @tag({ owner: 'marketing-analytics', kpi: 'true' })
  @node()
  spendPerSignup(spend: Float64Array, signups: Float64Array): Float64Array {
    return spend.map((s, i) => s / signups[i]!);
  }

  @node()
  async conversionTarget(region = 'us'): Promise<number> {
    return region === 'us' ? 0.2 : 0.1;
  }
}

const spend = Float64Array.of(10, 10, 20, 40, 40, 50);
const signups = Float64Array.of(1, 10, 50, 100, 200, 400);

describe('README tutorial', () => {
  const dr = new Builder().withModules(Marketing).build();

  it('executes the requested features from inputs', async () => {
    const result = await dr.execute(['spendZeroMean', 'spendPerSignup'], { inputs: { spend, signups } });
    const mean = (10 + 10 + 20 + 40 + 40 + 50) / 6;
    expect(Object.keys(result)).toEqual(['spendZeroMean', 'spendPerSignup']);
    expect(Array.from(result.spendZeroMean as Float64Array)).toEqual(Array.from(spend, (s) => s - mean));
    expect(Array.from(result.spendPerSignup as Float64Array)).toEqual(Array.from(spend, (s, i) => s / signups[i]!));
  });

  it('shapes outputs into one table, broadcasting scalars', async () => {
    const table = await new Builder().withModules(Marketing).withResultBuilder(new TableResult()).build()
      .execute(['spend', 'spendZeroMean', 'spendMean'], { inputs: { spend } });
    expect(table.columnNames()).toEqual(['spend', 'spendZeroMean', 'spendMean']);
    expect(table.numRows()).toBe(6);
    expect(new Set(table.array('spendMean') as number[]).size).toBe(1);
  });

  it('uses an override instead of computing the node', async () => {
    const { spendZeroMean } = await dr.execute(['spendZeroMean'], { inputs: { spend }, overrides: { spendMean: 0 } });
    expect(Array.from(spendZeroMean as Float64Array)).toEqual(Array.from(spend));
  });

  it('applies a default when an optional input is not given', async () => {
    expect((await dr.execute(['conversionTarget'])).conversionTarget).toBe(0.2);
    expect((await dr.execute(['conversionTarget'], { inputs: { region: 'uk' } })).conversionTarget).toBe(0.1);
  });

  it('answers the lineage questions shown', () => {
    expect(dr.whatIsUpstreamOf('spendZeroMean').map((n) => n.name).sort()).toEqual(['spend', 'spendMean', 'spendZeroMean']);
    expect(dr.listAvailableVariables({ tags: { owner: 'marketing-analytics' } }).map((n) => n.name)).toEqual(['spendPerSignup']);
    expect(dr.pathBetween('spend', 'spendZeroMean').map((n) => n.name).sort()).toEqual(['spend', 'spendMean', 'spendZeroMean']);
    expect(dr.whatIsDownstreamOf('spend').map((n) => n.name).sort()).toEqual(['spend', 'spendMean', 'spendPerSignup', 'spendZeroMean']);
  });

  it('draws the DAG as SVG', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hamilton-readme-')), 'dag.svg');
    await dr.display(file, { outputs: ['spendZeroMean'] });
    const svg = readFileSync(file, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('spendZeroMean');
    expect(svg).not.toContain('spendPerSignup');
  });
});
