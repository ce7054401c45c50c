/**
 * The check every lookup of node names starts with (queries, `execute`,
 * `validateExecution`): unknown names are one UnknownNodeError, with close
 * names, and the config variants that left a name absent.
 */
import { UnknownNodeError } from '../errors.js';
import { planMessages } from '../messages.js';
import { nameRecord } from '../names.js';
import type { FunctionGraph } from './graph.js';
import { closeNames } from './suggest.js';

/** Unknown names that get "did you mean" suggestions (the message lists as many). */
const MAX_SUGGESTED = 10;

/**
 * Throws UnknownNodeError naming every unknown name, with close names as suggestions.
 *
 * @example
 * assertKnown(graph, ['spendPerSignup']);
 */
export function assertKnown(graph: FunctionGraph, names: readonly string[]): void {
  const unknown = [...new Set(names.filter((n) => graph.indexOf(n) === undefined))];
  if (!unknown.length) return;
  const all = [...graph.names()];
  const suggestions = nameRecord<string[]>();
  const absent = nameRecord<readonly { origin: string; reason: string }[]>();
  // Suggestions only for the names a message shows: each costs a pass over every node.
  for (const u of unknown.slice(0, MAX_SUGGESTED)) suggestions[u] = closeNames(u, all);
  for (const u of unknown) if (graph.absent(u).length) absent[u] = graph.absent(u);
  throw new UnknownNodeError(planMessages.unknownNames(unknown, suggestions, absent), unknown, suggestions);
}
