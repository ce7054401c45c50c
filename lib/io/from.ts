/**
 * `from(format, { target, path, ...options })` and `from.csv(...)` (Hamilton's
 * `from_.csv(target=..., path=...)`): a loader for `driver.materialize`. Its
 * node is named `target` and replaces the node or input of that name for the
 * run, so what only the replaced node needed does not run.
 */
import { InvalidInputsError } from '../core/errors.js';
import type { FunctionGraph } from '../core/graph/graph.js';
import type { Materializer, MaterializerPlan } from '../core/run/materialize.js';
import type { DependencySpec } from '../decorators/dependencies.js';
import { adapterBinding, adapterSpecs, pathText, type AdapterOptions } from './adapter-options.js';
import { ioTags } from './io-tags.js';
import { materializerMessages } from './messages.js';
import { LOAD_OP, type LoadArgs } from './ops/load.js';
import { getFormat } from './registry.js';
import { withShorthands, type Shorthands } from './shorthands.js';

/** Options of `from`: the node or input to load, its path and format options (value(...), source(...) or literals). */
export interface FromOptions extends AdapterOptions {
  /** The node or input whose value the file gives, for this run. */
  readonly target: string;
}

/**
 * A loader for materialize, made by `from`.
 *
 * @example
 * const loader = new LoadMaterializer('csv', 'marketingData', specs);
 */
export class LoadMaterializer implements Materializer<string, never> {
  readonly kind = 'load';
  /** Type only: a loader adds no metadata. */
  declare readonly metadata?: never;

  constructor(
    readonly format: string,
    readonly id: string,
    readonly specs: Readonly<Record<string, DependencySpec>>,
  ) {}

  prepare(graph: FunctionGraph): MaterializerPlan {
    const where = `from.${this.format}(${this.id})`;
    const { dependencies, args } = adapterBinding(this.specs, { origin: where, config: graph.config }, where);
    const loadArgs: LoadArgs = { ...args, format: this.format, node: this.id };
    return {
      nodes: [
        {
          name: this.id,
          role: 'loader',
          code: { kind: 'op', op: LOAD_OP, args: loadArgs },
          dependencies,
          tags: ioTags.loader(this.format, this.id),
          doc: `Loads \`${this.id}\` from ${pathText(this.specs.path)} as ${this.format}.`,
        },
      ],
    };
  }
}

/** `from(format, options)`, with a shorthand per built-in format: `from.csv(options)`. */
export interface From extends Shorthands<(options: FromOptions) => LoadMaterializer> {
  (format: string, options: FromOptions): LoadMaterializer;
}

function fromFormat(format: string, options: FromOptions): LoadMaterializer {
  if (typeof format !== 'string' || options === null || typeof options !== 'object') throw new InvalidInputsError(materializerMessages.badArguments('from', format, options));
  getFormat(format);
  const { target, ...rest } = options;
  if (typeof target !== 'string' || target.length === 0) throw new InvalidInputsError(materializerMessages.badTarget(format, target));
  return new LoadMaterializer(format, target, adapterSpecs(`from.${format}(${target})`, rest, [], (m) => new InvalidInputsError(m)));
}

/**
 * A loader for `driver.materialize`: the file at `path` becomes the value of
 * node or input `target` for that run (it replaces the node).
 *
 * @example
 * const [metadata] = await dr.materialize(
 *   from.csv({ target: 'marketingData', path: 'data/other_weeks.csv' }),
 *   to.csv({ id: 'featuresCsv', dependencies: ['spendPerSignup'], path: 'out/features.csv' }),
 * );
 */
export const from: From = withShorthands(fromFormat, (format) => (options: FromOptions) => fromFormat(format, options)) as From;
