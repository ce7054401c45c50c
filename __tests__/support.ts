// Helpers shared by the test suites.
import pino from 'pino';
import { Builder, checkOutput, node, type MethodDecorator, type Module, type NodeInfo, type NodeOptions } from '../lib/index.js';

/** A logger that drops everything, for tests that do not read logs. */
export const silent = pino({ level: 'silent' });

/** Runs `fn` and returns what it threw; fails the test when it throws nothing. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

/** A pino logger whose records land in `records`, parsed. */
export function capture(level = 'info') {
  const records: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write(line: string) { records.push(JSON.parse(line) as Record<string, unknown>); } });
  return { logger, records };
}

/** Awaits `fn` and returns what it threw or rejected with; fails the test when it settles without one. */
export async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

/** A Proxy that was revoked: reading anything from it (even its prototype) throws a TypeError. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/**
 * Values that cannot be turned into text the usual ways (String(), JSON,
 * `${e.name}: ${e.message}`), made fresh for each call. Found by an
 * adversarial pass over the public API: each one broke an error path.
 */
export function unprintableValues(): [label: string, value: unknown][] {
  const bigintWithoutPrototype = Object.assign(Object.create(null) as object, { amount: 10n });
  const messageGetterThrows = new Error('placeholder');
  Object.defineProperty(messageGetterThrows, 'message', { get() { throw new Error('message getter'); } });
  const nameGetterThrows = new Error('has a message');
  Object.defineProperty(nameGetterThrows, 'name', { get() { throw new Error('name getter'); } });
  const toStringThrows = { toString() { throw new Error('toString'); }, toJSON() { throw new Error('toJSON'); } };
  const cyclic: Record<string, unknown> = { kind: 'cyclic' };
  cyclic.self = cyclic;
  const prototypeTrapThrows = new Proxy({}, { getPrototypeOf() { throw new Error('getPrototypeOf trap'); } });
  return [
    ['an object without a prototype holding a bigint', bigintWithoutPrototype],
    ['an Error whose message getter throws', messageGetterThrows],
    ['an Error whose name getter throws', nameGetterThrows],
    ['an object whose toString and toJSON throw', toStringThrows],
    ['a revoked Proxy', revokedProxy()],
    ['a Proxy whose getPrototypeOf trap throws', prototypeTrapThrows],
    ['a cyclic object', cyclic],
    ['a symbol', Symbol('thrown\u0000symbol')],
    ['a bigint', 2n ** 70n],
    ['undefined', undefined],
  ];
}

/** Defines a class whose method `x` is checked with `options`, so that the options are read (and may throw). */
export function classCheckedWith(options: unknown) {
  class C {
    @checkOutput(options as never)
    @node()
    x() {
      return 1;
    }
  }
  return C;
}

/** Nodes by name, from a query's NodeInfo list. */
export const byName = (infos: readonly NodeInfo[]): Map<string, NodeInfo> => new Map(infos.map((i) => [i.name, i]));

/** The names of a node's dependencies, in order. */
export const depNames = (info: NodeInfo | undefined): string[] | undefined => info?.dependencies.map((d) => d.name);

/** A driver of these modules that logs nothing. */
export const quietDriver = (...modules: Module[]) => new Builder().withModules(...modules).withLogger(silent).build();

/** One method of a generated module. */
export interface GeneratedNode {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly fn: (...args: never[]) => unknown;
  /** More `@node` options (`context`, `timeoutMs` ...). */
  readonly options?: Omit<NodeOptions, 'inputs'>;
  /** Decorators applied above `@node()` (e.g. `parallelizable()`, `collect('x')`), innermost first. */
  readonly decorators?: readonly MethodDecorator[];
}

/**
 * A module class with one @node method per entry, decorated the way TypeScript's TC39 emit does
 * (decorator called with the method and a context sharing the class's metadata object), for graphs
 * too large to write out, or made up by a test.
 */
export function generatedModule(className: string, nodes: readonly GeneratedNode[]): Module {
  const metadata = Object.create(null) as DecoratorMetadataObject;
  const cls = { [className]: class {} }[className]!;
  for (const n of nodes) {
    const context = {
      kind: 'method',
      name: n.name,
      static: false,
      private: false,
      metadata,
      access: { has: () => true, get: () => n.fn },
      addInitializer: () => undefined,
    } as unknown as ClassMethodDecoratorContext;
    node({ ...n.options, inputs: n.inputs })(n.fn, context);
    for (const decorate of n.decorators ?? []) decorate(n.fn, context);
  }
  Object.defineProperty(cls, Symbol.metadata, { value: metadata, configurable: true });
  return cls;
}
