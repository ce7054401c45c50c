// The README's "Function modifiers" examples for pipes, @mutate and @subdag, run as written.
import { describe, expect, it } from '@jest/globals';
import { Builder, applyTo, mutate, node, pipeInput, pipeOutput, source, step, subdag, value } from '../../lib/index.js';
import { silent } from '../support.js';

const dropNegative = (x: number[]) => x.filter((v) => v >= 0);
const scale = (x: number[], factor: number) => x.map((v) => v * factor);
const clip = (x: number[], max: number) => x.map((v) => Math.min(v, max));

class PipedSales {
  @pipeInput(step(dropNegative), step(scale, { factor: source('exchangeRate') }).when({ currency: 'eur' }))
  @node()
  cleaned(raw: number[]) { return raw; }

  @pipeOutput(step(clip, { max: value(100) }))
  @node()
  forecast(cleaned: number[]) { return cleaned.map((v) => v * 1.1); }
}

class MutatedSales {
  @node() spend(rawSpend: number[]) { return rawSpend; }
  @node() signups(rawSignups: number[]) { return rawSignups; }

  @mutate('spend', applyTo('signups', { floor: value(1) }), { floor: value(0) })
  @node()
  _clipped(x: number[], floor: number) { return x.map((v) => Math.max(v, floor)); }
}

class Cleaning {
  @node() cleaned(raw: number[]) { return raw.filter((v) => v >= 0); }
}

class Features {
  @node() total(cleaned: number[], weight: number) { return cleaned.reduce((a, b) => a + b, 0) * weight; }
  @node() count(cleaned: number[]) { return cleaned.length; }
  @node() summary(total: number, count: number, mode: string) { return mode === 'mean' ? total / count : total; }
}

class Pipeline {
  @node() usRaw() { return [1, -2, 3]; }

  @subdag([Cleaning, Features], { inputs: { raw: source('usRaw'), weight: value(2) }, config: { mode: 'mean' } })
  @node()
  us(summary: number, count: number) { return { summary, count }; }
}

describe('README function modifiers', () => {
  it('pipes: input steps (one only under config) and output steps', async () => {
    const build = (config: Record<string, unknown>) => new Builder().withModules(PipedSales).withConfig(config).withLogger(silent).build();
    const eur = build({ currency: 'eur' });
    expect(eur.listAvailableVariables().map((n) => n.name)).toEqual(
      expect.arrayContaining(['cleaned.with_dropNegative', 'cleaned.with_scale', 'forecast.raw', 'forecast.with_clip']),
    );
    await expect(eur.execute(['forecast'], { inputs: { raw: [-1, 50, 100], exchangeRate: 2 } })).resolves.toEqual({ forecast: [100, 100] });
    await expect(build({}).execute(['cleaned'], { inputs: { raw: [-1, 50] } })).resolves.toEqual({ cleaned: [50] });
  });

  it('mutate: shared and per-target bindings', async () => {
    const dr = new Builder().withModules(MutatedSales).withLogger(silent).build();
    await expect(dr.execute(['spend', 'signups'], { inputs: { rawSpend: [-5, 5], rawSignups: [0, 3] } })).resolves.toEqual({ spend: [0, 5], signups: [1, 3] });
  });

  it('subdag: the nodes the README lists', async () => {
    const dr = new Builder().withModules(Pipeline).withLogger(silent).build();
    expect(dr.listAvailableVariables().map((n) => n.name).sort()).toEqual(
      ['us', 'us.cleaned', 'us.count', 'us.mode', 'us.raw', 'us.summary', 'us.total', 'us.weight', 'usRaw'],
    );
    await expect(dr.execute(['us'])).resolves.toEqual({ us: { summary: 4, count: 2 } });
  });
});
