/**
 * The body of the final node `x` of a checked node: logs every result of its
 * validator nodes once, raises DataValidationError when a 'fail' check failed,
 * and otherwise hands on the raw value.
 */
import { DataValidationError } from '../core/errors.js';
import type { NodeContext } from '../core/node.js';
import { failureMessages } from './messages.js';
import type { ValidationResult } from './result.js';
import { logValidationResult } from './validation-log.js';

/**
 * What a final node knows, fixed when the graph is built: the node, its
 * origin and how many validator nodes it reads. Final nodes share the
 * function `finishChecks` and carry this as `thisArg`.
 *
 * @example
 * const def = { name: 'x', fn: finishChecks, thisArg: new FinalNode('x', 'C.x', 2), needsContext: true, ... };
 */
export class FinalNode {
  constructor(
    readonly node: string,
    readonly origin: string | undefined,
    readonly checks: number,
  ) {}
}

/**
 * The function of every final node. It is called with the raw value, then
 * `checks` validation results, then the NodeContext (the node sets `needsContext`).
 *
 * @example
 * finishChecks.call(new FinalNode('x', 'C.x', 1), raw, rangeResult, { runId, node: 'x', logger }); // raw, or throws DataValidationError
 */
export function finishChecks(this: FinalNode, ...args: unknown[]): unknown {
  const checks = this.checks;
  const { runId, logger } = args[checks + 1] as NodeContext;
  let failures: ValidationResult[] | undefined;
  for (let k = 1; k <= checks; k++) {
    const r = args[k] as ValidationResult;
    // An override may replace a validator node with anything; only results are acted on.
    if (r === null || typeof r !== 'object' || typeof r.passed !== 'boolean') continue;
    logValidationResult(logger, runId, r);
    if (!r.passed && r.importance === 'fail') (failures ??= []).push(r);
  }
  if (failures) throw new DataValidationError(failureMessages.failed(this.node, this.origin, failures), this.node, this.origin, failures);
  return args[0];
}
