/**
 * Dependency specs for the modifiers that bind a method's parameters
 * (`parameterize`, `inject`, `pipe` steps, `subdag` inputs): where each
 * parameter's value comes from. Plain, frozen records.
 */
import { DecoratorError } from '../core/errors.js';
import { show } from '../core/message-format.js';

/** A literal value for a parameter. */
export interface ValueDependency {
  readonly kind: 'value';
  readonly value: unknown;
}

/** The value of another node (or input) for a parameter. */
export interface SourceDependency {
  readonly kind: 'source';
  readonly name: string;
}

/** A config value, read when the graph is built (Hamilton's `configuration`). */
export interface ConfigurationDependency {
  readonly kind: 'configuration';
  readonly key: string;
}

/** A list or an object of values and sources for one parameter. */
export interface GroupDependency {
  readonly kind: 'group';
  readonly items?: readonly (ValueDependency | SourceDependency)[];
  readonly byKey?: Readonly<Record<string, ValueDependency | SourceDependency>>;
}

/** Any dependency spec. */
export type DependencySpec = ValueDependency | SourceDependency | ConfigurationDependency | GroupDependency;

/**
 * A literal value for a parameter.
 *
 * @example
 * @parameterize({ spendIn3Weeks: { weeks: value(3) } })
 */
export function value(x: unknown): ValueDependency {
  return Object.freeze({ kind: 'value', value: x });
}

/**
 * Reads the parameter from another node or input.
 *
 * @example
 * @parameterize({ usSpend: { spend: source('spendUs') } })
 */
export function source(name: string): SourceDependency {
  if (typeof name !== 'string' || name.length === 0) throw new DecoratorError(`source() takes a node name, got ${show(name)}. Use source('nodeName').`);
  return Object.freeze({ kind: 'source', name });
}

/**
 * Reads the parameter from config when the graph is built.
 *
 * @example
 * @parameterize({ scaled: { factor: configuration('scale') } })
 */
export function configuration(key: string): ConfigurationDependency {
  if (typeof key !== 'string' || key.length === 0) throw new DecoratorError(`configuration() takes a config key, got ${show(key)}.`);
  return Object.freeze({ kind: 'configuration', key });
}

/**
 * Gathers several values and sources into one parameter: a list
 * (`group(source('a'), source('b'))`) or an object (`group({ a: source('a') })`).
 *
 * @example
 * @inject({ parts: group(source('spendUs'), source('spendUk')) })
 */
export function group(...items: (ValueDependency | SourceDependency)[] | [Readonly<Record<string, ValueDependency | SourceDependency>>]): GroupDependency {
  const first = items[0] as unknown;
  if (items.length === 1 && first !== null && typeof first === 'object' && !isDependency(first)) {
    const byKey = first as Readonly<Record<string, ValueDependency | SourceDependency>>;
    const entries = Object.entries(byKey);
    if (entries.length === 0) throw new DecoratorError('group({}) is empty. Give it at least one value(...) or source(...).');
    for (const [k, d] of entries) if (!isGroupItem(d)) throw new DecoratorError(badGroupItem(k, d));
    return Object.freeze({ kind: 'group', byKey: Object.freeze({ ...byKey }) });
  }
  if (items.length === 0) throw new DecoratorError('group() is empty. Give it value(...) or source(...) items, or an object of them.');
  items.forEach((d, i) => { if (!isGroupItem(d)) throw new DecoratorError(badGroupItem(String(i), d)); });
  return Object.freeze({ kind: 'group', items: Object.freeze([...(items as (ValueDependency | SourceDependency)[])]) });
}

/**
 * True for a value made by value(), source(), configuration() or group().
 *
 * @example
 * isDependency(source('a')); // true
 */
export function isDependency(d: unknown): d is DependencySpec {
  const kind = (d as { kind?: unknown } | null)?.kind;
  return d !== null && typeof d === 'object' && (kind === 'value' || kind === 'source' || kind === 'configuration' || kind === 'group');
}

function isGroupItem(d: unknown): d is ValueDependency | SourceDependency {
  return isDependency(d) && (d.kind === 'value' || d.kind === 'source');
}

function badGroupItem(key: string, d: unknown): string {
  return `group(): item ${key} must be value(...) or source(...), got ${show(d)}.`;
}
