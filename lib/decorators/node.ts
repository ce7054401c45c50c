import { DecoratorError } from '../core/errors.js';
import { addRecord } from '../core/record/metadata.js';
import { decoratorMessages } from '../core/messages.js';
import { ParameterParseError, parseParameters, type ParameterSpec } from '../core/record/parameters.js';
import { RecordKind, type NodeRecordPayload } from '../core/record/records.js';
import { assertStandardDecorator } from './standard-decorator.js';

/** Options of `@node`. */
export interface NodeOptions {
  /** The node's name; defaults to the method name. */
  name?: string;
  /** The node's inputs, mapped positionally onto the method's parameters; always overrides parsing. */
  inputs?: readonly string[];
  /** Documentation shown by queries and in the DAG. */
  doc?: string;
}

/**
 * Marks a method as a node: its name is the value it produces, its parameter
 * names are the values it needs. Works on instance and static, sync and async methods.
 *
 * @example
 * class Marketing {
 *   @node({ doc: 'Spend per signup.' })
 *   spendPerSignup(spend: number[], signups: number[]) { return spend.map((s, i) => s / signups[i]!); }
 * }
 */
export function node(options: NodeOptions = {}) {
  return function nodeDecorator(value: Function, context: ClassMethodDecoratorContext): void {
    assertStandardDecorator('@node', arguments);
    const method = String(context.name);
    if (context.kind !== 'method') throw new DecoratorError(decoratorMessages.notAMethod(method, context.kind));
    const name = options.name ?? method;
    if (typeof name !== 'string' || name.length === 0) throw new DecoratorError(decoratorMessages.badName(method, name));
    const payload: NodeRecordPayload = {
      fn: value as NodeRecordPayload['fn'],
      name,
      params: readParameters(value, method, options.inputs),
      explicitInputs: options.inputs !== undefined,
      ...(options.doc !== undefined ? { doc: options.doc } : {}),
    };
    addRecord(context.metadata, { kind: RecordKind.node, method, isStatic: context.static, payload });
  };
}

function readParameters(fn: Function, method: string, inputs: readonly string[] | undefined): readonly ParameterSpec[] {
  if (inputs) {
    if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'string' || i.length === 0)) {
      throw new DecoratorError(decoratorMessages.badInputs(method, inputs));
    }
    // Parameter defaults still make inputs optional when the source can be read.
    let parsed: ParameterSpec[] | undefined;
    try {
      parsed = parseParameters(fn);
    } catch {
      parsed = undefined; // destructured or rest parameters: any number of inputs can be meant
    }
    // Readable parameters must each get an input, except trailing ones with defaults.
    if (parsed && (inputs.length > parsed.length || parsed.slice(inputs.length).some((p) => !p.optional))) {
      throw new DecoratorError(decoratorMessages.inputsCount(method, inputs, parsed.map((p) => p.name)));
    }
    parsed ??= [];
    return Object.freeze(inputs.map((name, i) => Object.freeze({ name, optional: parsed[i]?.optional ?? false })));
  }
  try {
    return Object.freeze(parseParameters(fn).map((p) => Object.freeze(p)));
  } catch (e) {
    if (e instanceof ParameterParseError) throw new DecoratorError(decoratorMessages.unreadableParameters(method, e.reason, e.parameterText));
    throw e;
  }
}
