/**
 * The body of the final node `x` of a checked node: logs every result of its
 * validator nodes once, raises DataValidationError when a 'fail' check failed,
 * and otherwise hands on the raw value.
 */
import { DataValidationError } from '../core/errors.js';
import type { Logger } from 'pino';
import type { NodeContext } from '../core/node.js';
import { failureMessages } from './messages.js';
import type { ValidationResult } from './result.js';
import { logValidationResult } from './validation-log.js';

/**
 * What a final node knows, fixed when the graph is built: the node, its
 * origin and how many validator nodes it reads. Final nodes share the
 * function `finishChecks` (or `finishOneCheck`) and carry this as `thisArg`:
 * the op's args themselves, so linking makes no object per node.
 *
 * @example
 * const final: FinalNode = { node: 'x', origin: 'C.x', checks: 2 };
 */
export interface FinalNode {
  readonly node: string;
  readonly origin: string | undefined;
  readonly checks: number;
}

/**
 * The function of every final node. It is called with the raw value, then
 * `checks` validation results, then the NodeContext (the node sets `needsContext`).
 *
 * @example
 * finishChecks.call({ node: 'x', origin: 'C.x', checks: 1 }, raw, rangeResult, { runId, node: 'x', logger }); // raw, or throws DataValidationError
 */
export function finishChecks(this: FinalNode, ...args: unknown[]): unknown {
  const checks = this.checks;
  const { runId, logger } = args[checks + 1] as NodeContext;
  let failures: ValidationResult[] | undefined;
  for (let k = 1; k <= checks; k++) failures = settle(args[k], runId, logger, failures);
  if (failures) throw failed(this, failures);
  return args[0];
}

/**
 * `finishChecks` for a node with one check (the common case), without a rest
 * array: the same logging, error and value.
 *
 * @example
 * finishOneCheck.call({ node: 'x', origin: 'C.x', checks: 1 }, raw, rangeResult, context); // raw, or throws DataValidationError
 */
export function finishOneCheck(this: FinalNode, raw: unknown, result: unknown, context: NodeContext): unknown {
  const failures = settle(result, context.runId, context.logger, undefined);
  if (failures) throw failed(this, failures);
  return raw;
}

/** Logs one validator node's result; adds it to the failures when it failed a 'fail' check. */
function settle(r: unknown, runId: string, logger: Logger, failures: ValidationResult[] | undefined): ValidationResult[] | undefined {
  // An override may replace a validator node with anything; only results are acted on.
  if (r === null || typeof r !== 'object' || typeof (r as ValidationResult).passed !== 'boolean') return failures;
  const result = r as ValidationResult;
  logValidationResult(logger, runId, result);
  if (!result.passed && result.importance === 'fail') (failures ??= []).push(result);
  return failures;
}

function failed(final: FinalNode, failures: ValidationResult[]): DataValidationError {
  return new DataValidationError(failureMessages.failed(final.node, final.origin, failures), final.node, final.origin, failures);
}
