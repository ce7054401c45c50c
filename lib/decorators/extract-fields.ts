/**
 * `@extractFields` (Hamilton's `extract_fields`): one node per field of the
 * plain object a method returns, each checked against its declared type when
 * it runs; the method's own node stays and each field node reads it.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeExpander, ResolveContext } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { FIELD_TYPES, isFieldType, type FieldType } from './field-types.js';
import { extractMessages } from './messages.js';
import type { FieldArgs } from './ops/extract.js';
import { checkNotTaken, outputNames, readerNode } from './output-nodes.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
// Registers the ops the nodes made here run.
import './ops/extract.js';

/** Options of `@extractFields`. */
export interface ExtractFieldsOptions {
  /** The value of a field the object lacks (not type-checked); without it, a missing field is an error. */
  readonly fillWith?: unknown;
}

/**
 * The expander behind `@extractFields`: plain data (field names with their types, the fill value).
 *
 * @example
 * new FieldExpander([['a', 'number']]).expand(node, ctx).map((n) => n.name); // ['stats', 'a']
 */
export class FieldExpander implements NodeExpander {
  readonly stage = 'expand';

  constructor(
    readonly fields: readonly (readonly [string, FieldType])[],
    readonly fillWith?: unknown,
  ) {}

  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    checkNotTaken('@extractFields', ctx, [node.name], this.fields.map(([f]) => f));
    const nodes: NodeSpec[] = [node];
    for (const [field, type] of this.fields) {
      const args: FieldArgs = { field, type, node: node.name, origin: node.origin, ...(this.fillWith !== undefined ? { fillWith: this.fillWith } : {}) };
      nodes.push(readerNode(field, 'field', node.name, { kind: 'op', op: 'decorators.field', args }, node));
    }
    return nodes;
  }
}

/**
 * Makes one node per field of the plain object the method returns; the
 * method's node stays and each field node reads it. Fields are given with
 * their types (`number`, `string`, `boolean`, `object`, `array`, `table`,
 * `any`), or as a list of names (type `any`). A field that is missing or of
 * another type is an error when the node runs, naming the field and what it
 * got; `fillWith` gives missing fields a value instead.
 *
 * @example
 * class Stats {
 *   @extractFields({ mean: 'number', label: 'string' })
 *   @node()
 *   summary(xs: Float64Array) { return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, label: 'xs' }; }
 * }
 */
export function extractFields(fields: Readonly<Record<string, FieldType>> | readonly string[], options: ExtractFieldsOptions = {}): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    const entries = fieldEntries(method, fields as unknown);
    if (!isPlainObject(options) || Object.keys(options).some((k) => k !== 'fillWith')) {
      throw new DecoratorError(extractMessages.badOptions('@extractFields', method, options, ['fillWith']));
    }
    modifierDecorator('@extractFields', new FieldExpander(entries, options.fillWith))(value, context);
  };
}

function fieldEntries(method: string, fields: unknown): readonly (readonly [string, FieldType])[] {
  if (Array.isArray(fields)) {
    const names = outputNames('@extractFields', method, fields, "@extractFields(['a', 'b'])");
    return Object.freeze(names.map((n) => Object.freeze([n, 'any'] as const)));
  }
  if (!isPlainObject(fields)) throw new DecoratorError(extractMessages.fieldsNotGiven(method, fields));
  const names = outputNames('@extractFields', method, Object.keys(fields), "@extractFields({ a: 'number' })");
  return Object.freeze(
    names.map((n) => {
      const type = fields[n];
      if (!isFieldType(type)) throw new DecoratorError(extractMessages.badFieldType(method, n, type, FIELD_TYPES));
      return Object.freeze([n, type] as const);
    }),
  );
}
