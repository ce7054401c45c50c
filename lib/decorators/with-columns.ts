/**
 * `@withColumns` (Hamilton's `with_columns`): column-level nodes from other
 * modules, run on the columns of the method's arquero table parameter, with
 * the selected results appended to that table before the method reads it.
 */
import { DecoratorError } from '../core/errors.js';
import { isPlainObject } from '../core/values.js';
import { extractMessages, withColumnsMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { WithColumnsInjector, type WithColumnsSettings } from './with-columns-injector.js';

/** Options of `@withColumns`: exactly one of `columnsToPass`, `onInput`, `passDataframeAs`, and `select`. */
export interface WithColumnsOptions {
  /** Columns of the table (the method's first parameter) that become nodes the modules read by name. */
  readonly columnsToPass?: readonly string[];
  /** The table parameter; the modules read the table themselves, under this name. */
  readonly onInput?: string;
  /** The modules read the table (the method's first parameter) under this name. */
  readonly passDataframeAs?: string;
  /** The modules' nodes whose columns are appended to the table (replacing same-named columns). */
  readonly select: readonly string[];
  /** The prefix of the modules' node names (`namespace.node`); default: the method's name. */
  readonly namespace?: string;
}

/** A class whose `@node` methods compute columns. */
export type ColumnModule = abstract new (...args: never[]) => unknown;

const KEYS = ['columnsToPass', 'onInput', 'passDataframeAs', 'select', 'namespace'] as const;
const SOURCES = ['columnsToPass', 'onInput', 'passDataframeAs'] as const;

/**
 * Runs the `@node` methods of the given classes on the columns of the table
 * the method receives (its first parameter, or `onInput`), and appends the
 * `select`ed results to that table before the method reads it. The classes'
 * nodes become nodes of the graph named `method.node` (or `namespace.node`);
 * those no selected node needs are left out. With `columnsToPass` the table's
 * columns become nodes `method.column`, read by name; with `onInput` or
 * `passDataframeAs` the classes read the table itself.
 *
 * @example
 * class Ratios {
 *   @node() spendPerSignup(spend: Float64Array, signups: Float64Array) { return spend.map((s, i) => s / signups[i]!); }
 * }
 * class Report {
 *   @withColumns(Ratios, { columnsToPass: ['spend', 'signups'], select: ['spendPerSignup'] })
 *   @node()
 *   report(raw: ColumnTable) { return raw; }
 * }
 */
export function withColumns(...args: [...modules: ColumnModule[], options: WithColumnsOptions]): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    const options = args[args.length - 1] as unknown;
    const modules = args.slice(0, -1) as unknown[];
    if (!isPlainObject(options)) throw new DecoratorError(args.length ? withColumnsMessages.noOptions(method) : withColumnsMessages.noModules(method));
    if (modules.length === 0) throw new DecoratorError(withColumnsMessages.noModules(method));
    for (const m of modules) if (typeof m !== 'function') throw new DecoratorError(withColumnsMessages.notAClass(method, m));
    const settings = checkedOptions(method, options);
    modifierDecorator('@withColumns', new WithColumnsInjector(Object.freeze(modules as Function[]), settings))(value, context);
  };
}

function checkedOptions(method: string, o: Record<string, unknown>): WithColumnsSettings {
  if (Object.keys(o).some((k) => !(KEYS as readonly string[]).includes(k))) throw new DecoratorError(extractMessages.badOptions('@withColumns', method, o, KEYS));
  const given = SOURCES.filter((k) => o[k] !== undefined);
  if (given.length !== 1) throw new DecoratorError(withColumnsMessages.oneSource(method, given));
  const settings: { -readonly [K in keyof WithColumnsSettings]: WithColumnsSettings[K] } = { select: list(method, 'select', o.select) };
  if (o.columnsToPass !== undefined) settings.columnsToPass = list(method, 'columnsToPass', o.columnsToPass);
  for (const key of ['onInput', 'passDataframeAs', 'namespace'] as const) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || v.length === 0) throw new DecoratorError(withColumnsMessages.badString(method, key, v));
    settings[key] = v;
  }
  return Object.freeze(settings);
}

function list(method: string, key: string, v: unknown): readonly string[] {
  const ok = Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.length > 0) && new Set(v).size === v.length;
  if (!ok) throw new DecoratorError(withColumnsMessages.badList(method, key, v));
  return Object.freeze([...(v as string[])]);
}
