import { modifierDecorator, type MethodDecorator } from './record-modifier.js';
import { NodeOptionsDecorator } from './node-options.js';

/**
 * Makes the node a dynamic fan-out (Hamilton's `Parallelizable`): it returns an
 * iterable, and each item flows separately through the nodes downstream of it,
 * concurrently under the executor's limit, until a `@collect` node gathers them
 * in item order.
 *
 * @example
 * class Words {
 *   @parallelizable() @node() urls(): string[] { return ['a', 'b']; }
 *   @node() wordCount(urls: string): number { return urls.length; }
 *   @collect('wordCount') @node() total(wordCount: number[]): number { return wordCount.reduce((a, b) => a + b, 0); }
 * }
 */
export function parallelizable(): MethodDecorator {
  return modifierDecorator('@parallelizable', new NodeOptionsDecorator('@parallelizable', { parallelizable: true }));
}
