// Driver.withNodes: a driver over the same graph plus node specs added after the build (the seam materialize builds on).
import { describe, expect, it } from '@jest/globals';
import { Builder, DuplicateNodeError, LinkError, UnknownNodeError, config, node, registerOp, type NodeSpec } from '../../lib/index.js';
import { caught, silent, thrownBy } from '../support.js';

registerOp('test.scaled', { link: (args: { by: number }) => ({ fn: ((x: number) => x * args.by) as (...a: never[]) => unknown }) });

let spendCalls = 0;

class Marketing {
  @node()
  spend(): number {
    spendCalls++;
    return 10;
  }

  @node()
  doubled(spend: number): number {
    return spend * 2;
  }

  @config.when({ region: 'us' })
  @node()
  usOnly__us(): number {
    return 1;
  }
}

const scaled = (name: string, from: string, by: number): NodeSpec => ({
  name,
  role: 'user',
  code: { kind: 'op', op: 'test.scaled', args: { by } },
  dependencies: [{ name: from, optional: false }],
  tags: {},
});

const driver = () => new Builder().withModules(Marketing).withConfig({ region: 'fr' }).withLogger(silent).build();

describe('Driver.withNodes', () => {
  it('adds nodes that read the graph, leaving the original driver as it was', async () => {
    const dr = driver();
    const more = dr.withNodes([scaled('tripled', 'spend', 3)]);
    await expect(more.execute(['tripled', 'doubled'])).resolves.toEqual({ tripled: 30, doubled: 20 });
    expect(more.whatIsUpstreamOf('tripled').map((n) => n.name)).toEqual(['spend', 'tripled']);
    expect(dr.graph.node('tripled')).toBeUndefined();
  });

  it("keeps the graph's linked functions instead of linking them again", () => {
    const dr = driver();
    const more = dr.withNodes([scaled('tripled', 'spend', 3)]);
    expect(more.graph.node('spend')!.fn).toBe(dr.graph.node('spend')!.fn);
    expect(more.graph.node('spend')!.spec).toBe(dr.graph.node('spend')!.spec);
  });

  it('an added node replaces the node or input of its name: what only it needed does not run', async () => {
    spendCalls = 0;
    const more = driver().withNodes([scaled('spend', 'budget', 0.5)]);
    await expect(more.execute(['doubled'], { inputs: { budget: 8 } })).resolves.toEqual({ doubled: 8 });
    expect(spendCalls).toBe(0);
  });

  it('links function code through the refs it is given', async () => {
    const spec: NodeSpec = { name: 'plusOne', role: 'user', code: { kind: 'function', ref: 'extra#0' }, dependencies: [{ name: 'spend', optional: false }], tags: {} };
    const more = driver().withNodes([spec], { refs: new Map([['extra#0', (x: number) => x + 1]]) });
    await expect(more.execute(['plusOne'])).resolves.toEqual({ plusOne: 11 });
    expect(thrownBy(() => driver().withNodes([spec]))).toBeInstanceOf(LinkError);
  });

  it('two added nodes of one name are a DuplicateNodeError', () => {
    expect(thrownBy(() => driver().withNodes([scaled('x', 'spend', 1), scaled('x', 'spend', 2)]))).toBeInstanceOf(DuplicateNodeError);
  });

  it('still explains names that config left out', async () => {
    const e = await caught(() => driver().withNodes([scaled('x', 'spend', 1)]).execute(['usOnly']));
    expect(e).toBeInstanceOf(UnknownNodeError);
    expect((e as Error).message).toContain("Node `usOnly` is not in the graph under this config: Marketing.usOnly__us needs config region = 'us'");
  });

  it('cannot be rebuilt from its module files: graphSource says so', () => {
    const e = thrownBy(() => driver().withNodes([scaled('x', 'spend', 1)]).graphSource());
    expect(e).toBeInstanceOf(LinkError);
    expect((e as Error).message).toContain('nodes added after the build');
  });
});
