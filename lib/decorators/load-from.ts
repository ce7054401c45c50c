/**
 * `@loadFrom(format, { path, ...options })` and `@loadFrom.csv(...)`
 * (Hamilton's `load_from`): a loader node in front of one of the method's
 * parameters. The loader, `<node>.load_data.<param>` (role 'loader'), reads
 * the file through loadData; every node of the method that read the
 * parameter reads the loader instead.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeInjector, ResolveContext } from '../core/resolve/modifiers.js';
import { adapterBinding, pathText, type AdapterOptions } from '../io/adapter-options.js';
import { ioTags } from '../io/io-tags.js';
import { LOAD_OP, type LoadArgs } from '../io/ops/load.js';
import { withShorthands, type Shorthands } from '../io/shorthands.js';
import type { DependencySpec } from './dependencies.js';
import { ioDecoratorMessages } from './messages.js';
import { checkFormat, ioModifierDecorator } from './io-decorator.js';
import type { MethodDecorator } from './record-modifier.js';

/** Options of `@loadFrom`: the file and the format's options (value(...), source(...), configuration(...) or literals). */
export interface LoadFromOptions extends AdapterOptions {
  /** The parameter to load (default: the method's first); a name the method's nodes read. */
  readonly inject?: string;
}

/**
 * The injector behind `@loadFrom`: one loader node, read instead of the parameter by every node of the method.
 *
 * @example
 * new LoadFromInjector('@loadFrom', 'csv', { path: value('sales.csv') }, undefined).injectAll(nodes, targets, ctx);
 */
export class LoadFromInjector implements NodeInjector {
  readonly stage = 'inject';

  constructor(
    readonly decorator: string,
    readonly format: string,
    readonly specs: Readonly<Record<string, DependencySpec>>,
    /** The parameter to load; undefined: the method's first. */
    readonly parameter: string | undefined,
  ) {}

  injectAll(nodes: readonly NodeSpec[], targets: ReadonlySet<string>, ctx: ResolveContext): NodeSpec[] {
    checkFormat(this.decorator, this.format, ctx.origin);
    const param = this.parameter ?? ctx.base.dependencies[0]?.name;
    if (param === undefined) throw new DecoratorError(ioDecoratorMessages.noParameters(this.decorator, ctx.origin));
    const namespace = targets.size === 1 ? [...targets][0]! : ctx.base.name;
    const name = `${namespace}.load_data.${param}`;
    const reads = (n: NodeSpec, dep: string) => n.dependencies.some((d) => d.name === dep);
    if (!nodes.some((n) => reads(n, param))) {
      if (nodes.some((n) => reads(n, name))) throw new DecoratorError(ioDecoratorMessages.loadedTwice(this.decorator, ctx.origin, param, name));
      const read = [...new Set(nodes.flatMap((n) => n.dependencies.map((d) => d.name)))];
      throw new DecoratorError(ioDecoratorMessages.notRead(this.decorator, ctx.origin, param, read));
    }
    const { dependencies, args } = adapterBinding(this.specs, ctx, this.decorator);
    const loadArgs: LoadArgs = { ...args, format: this.format, node: name, origin: ctx.origin };
    const loader: NodeSpec = {
      name,
      role: 'loader',
      code: { kind: 'op', op: LOAD_OP, args: loadArgs },
      dependencies,
      tags: ioTags.loader(this.format, param),
      doc: `Loads \`${param}\` from ${pathText(this.specs.path)} as ${this.format}.`,
      origin: ctx.origin,
    };
    const rewired = nodes.map((n) =>
      reads(n, param) ? { ...n, dependencies: n.dependencies.map((d) => (d.name === param ? { name, optional: false } : d)) } : n,
    );
    return [loader, ...rewired];
  }
}

/** `@loadFrom(format, options)`, with a shorthand per built-in format: `@loadFrom.csv(options)`. */
export interface LoadFrom extends Shorthands<(options: LoadFromOptions) => MethodDecorator> {
  (format: string, options: LoadFromOptions): MethodDecorator;
}

function loadFromFormat(format: string, options: LoadFromOptions, decorator = '@loadFrom'): MethodDecorator {
  return ioModifierDecorator(decorator, format, options, ['inject'], (f, specs, { inject }, method) => {
    if (inject !== undefined && (typeof inject !== 'string' || inject.length === 0)) throw new DecoratorError(ioDecoratorMessages.badInject(method, inject));
    return new LoadFromInjector(decorator, f, specs, inject);
  });
}

/**
 * Loads one of the method's parameters from a file (Hamilton's `load_from`):
 * by default the first parameter, or `inject`. `path` and the format's options
 * are value(...) (or plain literals), source('node') (an input, config key or
 * node) or configuration('key'). The loader node `<node>.load_data.<param>`
 * shows in the DAG and in lineage; a bad file is a DataLoadError naming it.
 *
 * @example
 * class Sales {
 *   @loadFrom.csv({ path: source('salesPath'), columns: { week: 'integer', spend: 'number' } })
 *   @node()
 *   sales(raw: ColumnTable): ColumnTable { return raw.filter((d) => d.spend > 0); }
 * }
 */
export const loadFrom: LoadFrom = withShorthands(
  (format: string, options: LoadFromOptions) => loadFromFormat(format, options),
  (format) => (options: LoadFromOptions) => loadFromFormat(format, options, `@loadFrom.${format}`),
) as LoadFrom;
