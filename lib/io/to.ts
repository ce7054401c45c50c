/**
 * `to(format, { id, dependencies, path, combine?, ...options })` and
 * `to.csv(...)` (Hamilton's `to.csv(id=..., dependencies=[...], path=...)`):
 * a saver for `driver.materialize`. It adds node `id`, which saves its one
 * dependency, or the table that `combine` (default TableResult) makes of
 * several as node `<id>_build_result`. Its writes are staged and put in place
 * only when the whole materialize run succeeded.
 */
import { InvalidInputsError } from '../core/errors.js';
import type { FunctionGraph } from '../core/graph/graph.js';
import type { NodeSpec } from '../core/node.js';
import { assertKnown } from '../core/graph/assert-known.js';
import type { Materializer, MaterializeContext, MaterializerPlan } from '../core/run/materialize.js';
import type { ResultBuilder } from '../core/run/results/result-builder.js';
import type { DependencySpec } from '../decorators/dependencies.js';
import { adapterBinding, adapterSpecs, pathText, type AdapterOptions } from './adapter-options.js';
import { ioTags } from './io-tags.js';
import { materializerMessages } from './messages.js';
import { COMBINE_OP, type CombineArgs } from './ops/combine.js';
import { SAVE_OP, type SaveArgs } from './ops/save.js';
import { getFormat } from './registry.js';
import type { SaveResult } from './save-data.js';
import { withShorthands, type Shorthands } from './shorthands.js';
import { SaveStaging } from './staging.js';

/** Options of `to`: the saver's id, what it saves, its path and format options (value(...), source(...) or literals). */
export interface ToOptions<Id extends string = string> extends AdapterOptions {
  /** The saver node's name, and its key in materialize's metadata. */
  readonly id: Id;
  /** The nodes to save: one is saved as it is, several are joined by `combine`. */
  readonly dependencies: readonly string[];
  /** Joins several dependencies (default: TableResult, one table of their columns). */
  readonly combine?: ResultBuilder<unknown>;
}

/**
 * A saver for materialize, made by `to`.
 *
 * @example
 * const saver = new SaveMaterializer('csv', 'featuresCsv', ['spend'], specs, undefined);
 */
export class SaveMaterializer<Id extends string = string> implements Materializer<Id, SaveResult> {
  readonly kind = 'save';
  /** Type only: what its node returns. */
  declare readonly metadata?: SaveResult;

  constructor(
    readonly format: string,
    readonly id: Id,
    readonly dependencies: readonly string[],
    readonly specs: Readonly<Record<string, DependencySpec>>,
    readonly combine: ResultBuilder<unknown> | undefined,
  ) {}

  prepare(graph: FunctionGraph, ctx: MaterializeContext): MaterializerPlan {
    assertKnown(graph, this.dependencies);
    const nodes: NodeSpec[] = [];
    let saved = this.dependencies[0]!;
    if (this.dependencies.length > 1 || this.combine) {
      saved = `${this.id}_build_result`;
      const args: CombineArgs = this.combine ? { names: this.dependencies, builder: ctx.ref(this.combine) } : { names: this.dependencies };
      nodes.push({
        name: saved,
        role: 'combine',
        code: { kind: 'op', op: COMBINE_OP, args },
        dependencies: this.dependencies.map((name) => ({ name, optional: false })),
        tags: {},
        doc: `Joins ${this.dependencies.map((d) => `\`${d}\``).join(', ')} for ${this.id}.`,
      });
    }
    const staging = new SaveStaging();
    const where = `to.${this.format}(${this.id})`;
    const { dependencies, args } = adapterBinding(this.specs, { origin: where, config: graph.config }, where, saved);
    const saveArgs: SaveArgs = { ...args, format: this.format, node: this.id, saves: saved === this.dependencies[0] ? saved : this.id, staging: ctx.ref(staging) };
    nodes.push({
      name: this.id,
      role: 'saver',
      needsContext: true,
      code: { kind: 'op', op: SAVE_OP, args: saveArgs },
      dependencies,
      tags: ioTags.saver(this.format),
      doc: `Saves \`${saved}\` as ${this.format} to ${pathText(this.specs.path)}.`,
    });
    return { nodes, settle: (outcome) => (outcome === 'commit' ? staging.commit() : staging.abort()) };
  }
}

/** `to.csv(options)`: `to` with a built-in format. */
export type ToShorthand = <const Id extends string>(options: ToOptions<Id>) => SaveMaterializer<Id>;

/** `to(format, options)`, with a shorthand per built-in format: `to.csv(options)`. */
export interface To extends Shorthands<ToShorthand> {
  <const Id extends string>(format: string, options: ToOptions<Id>): SaveMaterializer<Id>;
}

function toFormat<const Id extends string>(format: string, options: ToOptions<Id>): SaveMaterializer<Id> {
  if (typeof format !== 'string' || options === null || typeof options !== 'object') throw new InvalidInputsError(materializerMessages.badArguments('to', format, options));
  getFormat(format);
  const { id, dependencies, combine, ...rest } = options;
  if (typeof id !== 'string' || id.length === 0) throw new InvalidInputsError(materializerMessages.badId(format, id));
  if (!Array.isArray(dependencies) || dependencies.length === 0 || dependencies.some((d) => typeof d !== 'string')) {
    throw new InvalidInputsError(materializerMessages.badDependencies(id, dependencies));
  }
  if (combine !== undefined && (combine === null || typeof (combine as { build?: unknown }).build !== 'function')) {
    throw new InvalidInputsError(materializerMessages.badCombine(id, combine));
  }
  const specs = adapterSpecs(`to.${format}(${id})`, rest, [], (m) => new InvalidInputsError(m));
  return new SaveMaterializer(format, id, Object.freeze([...dependencies]), specs, combine);
}

/**
 * A saver for `driver.materialize`: node `id` saves `dependencies` (one node
 * as it is; several joined by `combine`, default one table) to `path`.
 * Options are literals, value(...), source('node') or configuration('key').
 *
 * @example
 * const [metadata] = await dr.materialize(
 *   to.csv({ id: 'featuresCsv', dependencies: ['spend', 'spendPerSignup'], path: 'out/features.csv' }),
 *   to('parquet', { id: 'featuresParquet', dependencies: ['spend'], path: source('outPath') }),
 *   { inputs: { outPath: 'out/spend.parquet' } },
 * );
 * metadata.featuresCsv.rows;
 */
export const to: To = withShorthands(toFormat, (format) =>
  function toShorthand<const Id extends string>(options: ToOptions<Id>): SaveMaterializer<Id> {
    return toFormat(format, options);
  },
);
