/**
 * The one registry of framework operations. A node whose code is
 * `{ kind: 'op', op, args }` is linked by the op registered under that name;
 * the args are plain data, so the node means the same thing in every process
 * that has loaded hamilton-ts.
 */
import type { Callable } from '../node.js';
import { LinkError } from '../errors.js';
import { linkMessages } from '../messages.js';

/** What linking offers an op: the values decorators handed to the resolver, and the modules. */
export interface LinkContext {
  /** A value registered while resolving (a function or validator from a decorator's arguments). */
  ref(id: string): unknown;
  /** `this` for methods of module `index`: its instance, or its class for static methods. */
  holder(index: number, isStatic: boolean): unknown;
}

/**
 * A framework operation: turns its args into the function a node calls.
 *
 * @example
 * registerOp('core.field', { link: (args) => ({ fn: (v: Record<string, unknown>) => v[(args as { field: string }).field] }) });
 */
export interface OpDefinition {
  link(args: never, ctx: LinkContext): Callable;
}

const OPS = new Map<string, OpDefinition>();

/**
 * Registers an op under a name (`area.verb`). Registering a name twice is an error.
 *
 * @example
 * registerOp('quality.check', { link: (args) => ({ fn: runCheck, thisArg: runnerOf(args) }) });
 */
export function registerOp(name: string, op: OpDefinition): void {
  if (OPS.has(name) && OPS.get(name) !== op) throw new LinkError(linkMessages.opTwice(name));
  OPS.set(name, op);
}

/**
 * The op registered under `name`; a LinkError naming the node when there is none.
 *
 * @example
 * opNamed('core.field', 'a', 'Features.split').link(args, ctx);
 */
export function opNamed(name: string, node: string, origin: string | undefined): OpDefinition {
  const op = OPS.get(name);
  if (!op) throw new LinkError(linkMessages.unknownOp(name, node, origin, [...OPS.keys()]));
  return op;
}
