import { DecoratorError } from '../core/errors.js';
import { addRecord } from '../core/record/metadata.js';
import { decoratorMessages } from '../core/messages.js';
import { readParameters } from './read-parameters.js';
import { optionMessages } from './messages.js';
import { checkDecoratorName, controlCharacterAt } from '../core/names.js';
import { RecordKind, type NodeRecordPayload } from '../core/record/records.js';
import type { ParameterSpec } from '../core/record/parameters.js';
import { assertStandardDecorator } from './standard-decorator.js';

/** Options of `@node`. */
export interface NodeOptions {
  /** The node's name; defaults to the method name. */
  name?: string;
  /** The node's inputs, mapped positionally onto the method's parameters; always overrides parsing. */
  inputs?: readonly string[];
  /** Documentation shown by queries and in the DAG. */
  doc?: string;
  /**
   * The node's time limit in ms: past it the run fails with NodeTimeoutError.
   * An async node is stopped waiting for; a sync one cannot be interrupted and fails once it returns late.
   */
  timeoutMs?: number;
  /**
   * true: the method receives a NodeContext (runId, node, logger, signal, item)
   * as an extra last argument, after its inputs. Long async work should watch `signal`.
   */
  context?: boolean;
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
export function node(options: NodeOptions = NO_OPTIONS) {
  return function nodeDecorator(value: Function, context: ClassMethodDecoratorContext): void {
    assertStandardDecorator('@node', arguments);
    const method = String(context.name);
    if (context.kind !== 'method') throw new DecoratorError(decoratorMessages.notAMethod(method, context.kind));
    const name = options.name ?? method;
    if (typeof name !== 'string' || name.length === 0) throw new DecoratorError(decoratorMessages.badName(method, name));
    const { timeoutMs, context: wantsContext } = options;
    if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
      throw new DecoratorError(optionMessages.badTimeout(method, timeoutMs));
    }
    // This runs once per decorated method while the user's module loads: the
    // message naming the method is built only for a name that fails the check.
    if (controlCharacterAt(name) >= 0) checkDecoratorName(name, decoratorMessages.onMethod(method), 'name');
    // Optional keys are added, not spread in: the same keys in the same order,
    // without temporary objects on every decorated method.
    const payload: { -readonly [K in keyof NodeRecordPayload]: NodeRecordPayload[K] } = {
      fn: value as NodeRecordPayload['fn'],
      name,
      params: wantsContext === true ? withoutContextParameter(value, method, options.inputs) : readParameters(value, method, options.inputs),
      explicitInputs: options.inputs !== undefined,
    };
    if (options.doc !== undefined) payload.doc = options.doc;
    if (timeoutMs !== undefined) payload.options = Object.freeze({ timeoutMs });
    if (wantsContext === true) payload.needsContext = true;
    addRecord(context.metadata, { kind: RecordKind.node, method, isStatic: context.static, payload });
  };
}

/** `@node()` with no options: one shared, empty options object. */
const NO_OPTIONS: NodeOptions = Object.freeze({});

/** With `context: true` the last parameter receives the NodeContext: it is not an input. */
function withoutContextParameter(fn: Function, method: string, inputs: readonly string[] | undefined): ParameterSpec[] {
  if (inputs) return [...readParameters(fn, method, inputs)];
  const params = readParameters(fn, method, undefined);
  if (params.length === 0) throw new DecoratorError(optionMessages.noContextParameter(method));
  return params.slice(0, -1);
}
