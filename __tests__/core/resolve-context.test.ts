// The general resolution mechanisms modifiers build on: modules added while
// resolving (ResolveContext.addModule / resolveModule), remote modifiers that
// change other methods of a class, transformer order and non-final nodes.
import { describe, expect, it } from '@jest/globals';
import {
  Builder,
  DecoratorError,
  FrameworkTags,
  modifierDecorator,
  node,
  tag,
  type NodeGenerator,
  type NodeRemote,
  type NodeSpec,
  type NodeTransformer,
  type ResolveContext,
} from '../../lib/index.js';
import { silent } from '../support.js';

const build = (...modules: object[]) => new Builder().withModules(...modules).withLogger(silent).build();

class Helper {
  @node()
  helped(x: number) {
    return x + 1;
  }
}

/** A generator that adds Helper to the build and returns its nodes renamed `<node>_<name>`, plus the method's node. */
const embedHelper = (config?: Record<string, unknown>, seen?: number[]) =>
  modifierDecorator('@embedHelper', {
    stage: 'generate',
    generate(n: NodeSpec, ctx: ResolveContext) {
      const index = ctx.addModule(Helper);
      seen?.push(index, ctx.addModule(Helper));
      const { nodes } = ctx.resolveModule(index, config ? { config } : undefined);
      return [...nodes.map((h) => ({ ...h, name: `${n.name}_${h.name}`, tags: { [FrameworkTags.nonFinal]: 'true' } })), n];
    },
  } satisfies NodeGenerator);

describe('ResolveContext.addModule and resolveModule', () => {
  it('adds a module once per build after the Builder’s own, and links its methods', async () => {
    const seen: number[] = [];
    class Host {
      @embedHelper(undefined, seen)
      @node()
      host(a: number) {
        return a;
      }
    }
    class Other {
      @node()
      other(a: number) {
        return a;
      }
    }
    const dr = build(Host, Other);
    expect(seen).toEqual([2, 2]);
    expect(dr.graph.node('host_helped')!.spec).toMatchObject({ code: { kind: 'method', module: 2, method: 'helped' }, origin: 'Helper.helped' });
    await expect(dr.execute(['host_helped'], { inputs: { x: 1 } })).resolves.toEqual({ host_helped: 2 });
  });

  it('resolves the added module under the config given', () => {
    let configSeen: unknown;
    class Watcher {
      @modifierDecorator('@watch', { stage: 'resolve', resolve: (n: NodeSpec, ctx: ResolveContext) => ((configSeen = ctx.config), n) })
      @node()
      watched() {
        return 1;
      }
    }
    class Host {
      @modifierDecorator('@embed', {
        stage: 'generate',
        generate: (n: NodeSpec, ctx: ResolveContext) => [...ctx.resolveModule(ctx.addModule(Watcher), { config: { inner: true } }).nodes.map((w) => ({ ...w, name: 'w' })), n],
      } satisfies NodeGenerator)
      @node()
      host() {
        return 0;
      }
    }
    new Builder().withModules(Host).withConfig({ outer: 1 }).withLogger(silent).build();
    expect(configSeen).toEqual({ inner: true });
  });

  it('refuses to resolve a module index that was not added', () => {
    class Host {
      @modifierDecorator('@bad', { stage: 'generate', generate: (_n: NodeSpec, ctx: ResolveContext) => [...ctx.resolveModule(0).nodes] } satisfies NodeGenerator)
      @node()
      host() {
        return 0;
      }
    }
    expect(() => build(Host)).toThrow('Host.host: a modifier asked to resolve module #0, which it did not add to the build');
  });

  it('never takes non-final nodes as a method’s default targets', () => {
    class Host {
      @tag({ owner: 'ds' })
      @embedHelper()
      @node()
      host(a: number) {
        return a;
      }
    }
    const nodes = new Map(build(Host).listAvailableVariables().map((n) => [n.name, n]));
    expect(nodes.get('host')!.tags).toEqual({ owner: 'ds' });
    expect(nodes.get('host_helped')!.tags).toEqual({ [FrameworkTags.nonFinal]: 'true' });
  });
});

describe('remote modifiers', () => {
  /** A remote modifier that tags its targets with the carrying method’s name. */
  const tagFrom = (...targets: string[]) =>
    modifierDecorator('@tagFrom', {
      stage: 'remote',
      targets,
      modifierFor: (source) => ({ stage: 'decorate', decorate: (ns: readonly NodeSpec[]) => ns.map((n) => ({ ...n, tags: { ...n.tags, from: source.origin } })) }),
    } satisfies NodeRemote);

  it('hands a modifier to each targeted method of the class; the carrying method makes no node', () => {
    class Host {
      @node({ name: 'renamed' })
      a() {
        return 1;
      }

      @node()
      b() {
        return 2;
      }

      @tagFrom('renamed', 'b')
      @node()
      marker() {
        return 0;
      }
    }
    const nodes = new Map(build(Host).listAvailableVariables().map((n) => [n.name, n]));
    expect([...nodes.keys()].sort()).toEqual(['b', 'renamed']);
    expect(nodes.get('renamed')!.tags).toEqual({ from: 'Host.marker' });
    expect(nodes.get('b')!.tags).toEqual({ from: 'Host.marker' });
  });

  it('rejects a target the class lacks', () => {
    class Host {
      @tagFrom('nope')
      @node()
      marker() {
        return 0;
      }
    }
    expect(() => build(Host)).toThrow(DecoratorError);
  });
});

describe('transformer order', () => {
  it('applies lower-order transformer groups first, whatever the written order', () => {
    const order: string[] = [];
    const t = (label: string, o: number) =>
      modifierDecorator(`@${label}`, {
        stage: 'transform',
        order: o,
        transform: (targets: readonly NodeSpec[]) => (order.push(label), [...targets]),
      } satisfies NodeTransformer);
    class Host {
      @t('late', 1)
      @t('early', -1)
      @t('middle', 0)
      @node()
      x() {
        return 1;
      }
    }
    build(Host);
    expect(order).toEqual(['early', 'middle', 'late']);
  });
});
