/**
 * `@saveTo(format, { path, ...options })` and `@saveTo.parquet(...)`
 * (Hamilton's `save_to`): a saver node next to the method's node. The saver,
 * `save.<node>` (or `outputName`, role 'saver'), writes the node's value
 * through saveData and returns `{ path, format, rows, bytes, hash }`;
 * requesting it runs it, requesting the node alone saves nothing.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeTransformer, ResolveContext, Target } from '../core/resolve/modifiers.js';
import { adapterBinding, pathText, type AdapterOptions } from '../io/adapter-options.js';
import { ioTags } from '../io/io-tags.js';
import { SAVE_OP, type SaveArgs } from '../io/ops/save.js';
import { withShorthands, type Shorthands } from '../io/shorthands.js';
import type { DependencySpec } from './dependencies.js';
import { ioDecoratorMessages } from './messages.js';
import { checkFormat, ioModifierDecorator } from './io-decorator.js';
import type { MethodDecorator } from './record-modifier.js';
import { isTarget } from './step.js';

/** Options of `@saveTo`: the file and the format's options (value(...), source(...), configuration(...) or literals). */
export interface SaveToOptions extends AdapterOptions {
  /** The saver node's name (default `save.<node>`, Hamilton's `output_name_`). */
  readonly outputName?: string;
  /** Which of the method's nodes to save (default: its final nodes), as `@checkOutput`'s target. */
  readonly target?: Target;
}

/**
 * The transformer behind `@saveTo`: each saver of a target node, added next to
 * it. Stacked `@saveTo`s of one target apply together, after the checks (order 1),
 * so a saver saves the checked value.
 *
 * @example
 * new SaveToTransformer('@saveTo', 'csv', { path: value('out.csv') }, undefined, undefined).transform([node], ctx, [t]);
 */
export class SaveToTransformer implements NodeTransformer {
  readonly stage = 'transform';
  readonly group = 'io.saveTo';
  readonly order = 1;

  constructor(
    readonly decorator: string,
    readonly format: string,
    readonly specs: Readonly<Record<string, DependencySpec>>,
    readonly outputName: string | undefined,
    readonly target: Target | undefined,
  ) {}

  transform(targets: readonly NodeSpec[], ctx: ResolveContext, peers: readonly NodeTransformer[]): NodeSpec[] {
    const out: NodeSpec[] = [...targets];
    const names = new Set<string>();
    for (const peer of peers as readonly SaveToTransformer[]) {
      checkFormat(peer.decorator, peer.format, ctx.origin);
      if (peer.outputName !== undefined && targets.length > 1) {
        throw new DecoratorError(ioDecoratorMessages.outputNameForMany(ctx.origin, peer.outputName, targets.map((t) => t.name)));
      }
      for (const t of targets) {
        const saver = peer.saverOf(t, ctx);
        if (names.has(saver.name)) throw new DecoratorError(ioDecoratorMessages.savedTwice(ctx.origin, saver.name));
        names.add(saver.name);
        out.push(saver);
      }
    }
    return out;
  }

  /** The saver of node `t`. */
  saverOf(t: NodeSpec, ctx: ResolveContext): NodeSpec {
    const name = this.outputName ?? `save.${t.name}`;
    const { dependencies, args } = adapterBinding(this.specs, ctx, this.decorator, t.name);
    const saveArgs: SaveArgs = { ...args, format: this.format, node: name, saves: t.name, origin: ctx.origin };
    return {
      name,
      role: 'saver',
      needsContext: true,
      code: { kind: 'op', op: SAVE_OP, args: saveArgs },
      dependencies,
      tags: ioTags.saver(this.format),
      doc: `Saves \`${t.name}\` as ${this.format} to ${pathText(this.specs.path)}.`,
      origin: ctx.origin,
    };
  }
}

/** `@saveTo(format, options)`, with a shorthand per built-in format: `@saveTo.parquet(options)`. */
export interface SaveTo extends Shorthands<(options: SaveToOptions) => MethodDecorator> {
  (format: string, options: SaveToOptions): MethodDecorator;
}

function saveToFormat(format: string, options: SaveToOptions, decorator = '@saveTo'): MethodDecorator {
  return ioModifierDecorator(decorator, format, options, ['outputName', 'target'], (f, specs, { outputName, target }, method) => {
    if (outputName !== undefined && (typeof outputName !== 'string' || outputName.length === 0)) throw new DecoratorError(ioDecoratorMessages.badOutputName(method, outputName));
    if (target !== undefined && !isTarget(target)) throw new DecoratorError(ioDecoratorMessages.badTarget(method, target));
    return new SaveToTransformer(decorator, f, specs, outputName, target);
  });
}

/**
 * Adds a saver of the method's node (Hamilton's `save_to`): node `save.<node>`
 * (or `outputName`) writes the node's value to `path` and returns
 * `{ path, format, rows, bytes, hash }`. A column is saved as a one-column
 * table named after the node. Requesting the saver saves; requesting the node
 * alone does not. Options are value(...) (or plain literals), source('node')
 * or configuration('key').
 *
 * @example
 * class Features {
 *   @saveTo.parquet({ path: source('featuresPath') })
 *   @saveTo.csv({ path: value('out/features.csv'), outputName: 'featuresCsv' })
 *   @node()
 *   features(sales: ColumnTable): ColumnTable { return sales.derive({ perSignup: (d) => d.spend / d.signups }); }
 * }
 */
export const saveTo: SaveTo = withShorthands(
  (format: string, options: SaveToOptions) => saveToFormat(format, options),
  (format) => (options: SaveToOptions) => saveToFormat(format, options, `@saveTo.${format}`),
) as SaveTo;
