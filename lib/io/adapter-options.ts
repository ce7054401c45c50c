/**
 * The options of a loader or saver (`@loadFrom`, `@saveTo`, `from`, `to`):
 * each is value(x), source('node'), configuration('key'), group(...) or a
 * plain literal, read as value(literal) as Hamilton reads it. They become the
 * loader's or saver's dependencies and parameter bindings: plain data, so the
 * node means the same in every process.
 */
import type { Binding, Dependency } from '../core/node.js';
import type { ResolveContext } from '../core/resolve/modifiers.js';
import { bindParameters } from '../decorators/bind-parameters.js';
import { isDependency, source, value, type DependencySpec } from '../decorators/dependencies.js';
import { isPlainObject } from '../core/values.js';
import { adapterMessages } from './messages.js';

/** A loader's or saver's options, each a dependency spec or a literal; `path` is required. */
export interface AdapterOptions {
  /** The file: value('data.csv') (or the plain string), source('pathNode'), or configuration('key'). */
  readonly path: DependencySpec | string;
  readonly [option: string]: unknown;
}

/** What an `io.load` or `io.save` op needs to rebuild its options from the node's dependency values. */
export interface AdapterArgs {
  /** The option names, in the order of the op's parameters (after the saved value, for a saver). */
  readonly keys: readonly string[];
  /** How the parameters are filled from the dependencies; absent: in order. */
  readonly bind?: readonly Binding[];
  readonly depCount: number;
}

/** The parameter name of the value a saver saves (a name no option can have). */
const SAVED = '\u0000saved';

/**
 * The options as dependency specs, checked where they are written: an object
 * with a `path`, no `reserved` key, literals that are plain data.
 *
 * @example
 * adapterSpecs('@loadFrom(csv) on sales', { path: source('salesPath'), delimiter: ';' }, ['inject'], (m) => new DecoratorError(m));
 */
export function adapterSpecs(where: string, options: unknown, reserved: readonly string[], fail: (message: string) => Error): Readonly<Record<string, DependencySpec>> {
  if (!isPlainObject(options)) throw fail(adapterMessages.badOptions(where, options));
  // Keys loadData and saveData read for themselves, which no option may set.
  for (const key of ['format', 'node', 'origin', 'saves', 'fileSystem', 'signal', ...reserved]) {
    if (Object.prototype.hasOwnProperty.call(options, key)) throw fail(adapterMessages.reserved(where, key));
  }
  if (!Object.prototype.hasOwnProperty.call(options, 'path') || options.path === undefined) throw fail(adapterMessages.noPath(where));
  const specs: Record<string, DependencySpec> = {};
  for (const [key, option] of Object.entries(options)) {
    if (option === undefined) continue;
    const spec = isDependency(option) ? option : value(option);
    if (spec.kind === 'value' && !isPlainData(spec.value)) throw fail(adapterMessages.notPlainData(where, key, spec.value));
    specs[key] = spec;
  }
  const path = specs.path!;
  if (path.kind === 'group' || (path.kind === 'value' && (typeof path.value !== 'string' || path.value.length === 0))) {
    throw fail(adapterMessages.badPath(where, options.path));
  }
  return Object.freeze(specs);
}

/**
 * The dependencies of a loader (or, with `saved`, a saver of node `saved`)
 * and the op args that rebuild its options from their values; config values
 * (`configuration('key')`) are read now.
 *
 * @example
 * const { dependencies, args } = adapterBinding(specs, ctx, '@saveTo', 'features');
 */
export function adapterBinding(
  specs: Readonly<Record<string, DependencySpec>>,
  ctx: Pick<ResolveContext, 'origin' | 'config'>,
  decorator: string,
  saved?: string,
): { dependencies: readonly Dependency[]; args: AdapterArgs } {
  const keys = Object.keys(specs);
  const names = saved === undefined ? keys : [SAVED, ...keys];
  const mapping = saved === undefined ? specs : { [SAVED]: source(saved), ...specs };
  const params = names.map((name) => ({ name, optional: false }));
  const { dependencies, bind } = bindParameters(params, mapping, ctx, decorator);
  const args: AdapterArgs = bind ? { keys, bind, depCount: dependencies.length } : { keys, depCount: dependencies.length };
  return { dependencies, args };
}

/**
 * How a path option reads in a node's doc: the file name, or where it comes from.
 *
 * @example
 * pathText(source('outPath')); // 'the path in `outPath`'
 */
export function pathText(spec: DependencySpec | undefined): string {
  if (!spec) return 'a file';
  if (spec.kind === 'value') return String(spec.value);
  if (spec.kind === 'source') return `the path in \`${spec.name}\``;
  if (spec.kind === 'configuration') return `the path in config \`${spec.key}\``;
  return 'a file';
}

/** Values a structured clone keeps (what a worker thread or a cache receives). */
function isPlainData(v: unknown): boolean {
  try {
    structuredClone(v);
    return true;
  } catch {
    return false;
  }
}
