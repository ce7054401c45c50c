/**
 * What `withModules` accepts: classes with @node methods, instances of them,
 * and module namespaces (`import * as features from './features.js'`, as
 * Python Hamilton users write `with_modules(features)`), which stand for every
 * exported class with @node methods.
 */
import { InvalidInputsError } from './errors.js';
import { builderMessages } from './messages.js';
import { recordsOf } from './record/metadata.js';
import type { Module } from './resolve/resolve.js';

/**
 * The modules `withModules` arguments stand for, in order: a class or an
 * instance as it is, a namespace as its decorated classes (in the order of its
 * keys; module namespaces list their exports alphabetically; a class exported
 * twice counts once). Anything that would add no node is an InvalidInputsError
 * that says what a module is.
 *
 * @example
 * import * as features from './features.js';
 * modulesFrom([features, Extra]); // [features.Marketing, features.Sales, Extra]
 */
export function modulesFrom(args: readonly unknown[]): Module[] {
  const out: Module[] = [];
  // A loop, not push(...): a call with 100,000 arguments overflows the stack.
  for (let k = 0; k < args.length; k++) {
    const m = args[k];
    if (typeof m === 'function') {
      if (!hasRecords(m)) throw new InvalidInputsError(builderMessages.moduleWithoutNodes(m));
      out.push(m);
    } else if (m !== null && typeof m === 'object') {
      if (hasRecords(constructorOf(m))) out.push(m);
      else for (const cls of exportedClasses(m)) out.push(cls);
    } else {
      throw new InvalidInputsError(builderMessages.badModule(m));
    }
  }
  return out;
}

/** The decorated classes an object holds as own enumerable values; an error when there are none. */
function exportedClasses(ns: object): Function[] {
  let keys: string[];
  try {
    keys = Object.keys(ns);
  } catch {
    throw new InvalidInputsError(builderMessages.badModule(ns)); // a revoked Proxy
  }
  const classes = new Set<Function>();
  for (const key of keys) {
    let value: unknown;
    try {
      value = (ns as Record<string, unknown>)[key];
    } catch (e) {
      // A namespace read during a circular import: the export is not initialised yet.
      throw new InvalidInputsError(builderMessages.unreadableExport(key, e));
    }
    if (typeof value === 'function' && hasRecords(value)) classes.add(value);
  }
  if (classes.size > 0) return [...classes];
  if (isModuleNamespace(ns)) throw new InvalidInputsError(builderMessages.namespaceWithoutClasses(keys));
  throw new InvalidInputsError(builderMessages.moduleWithoutNodes(ns));
}

function isModuleNamespace(o: object): boolean {
  try {
    return Object.getPrototypeOf(o) === null && (o as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Module';
  } catch {
    return false;
  }
}

function constructorOf(o: object): unknown {
  try {
    return (o as { constructor?: unknown }).constructor;
  } catch {
    return undefined;
  }
}

/** True when the class (or a parent) carries decorator records. */
function hasRecords(cls: unknown): cls is Function {
  if (typeof cls !== 'function') return false;
  try {
    return recordsOf(cls).length > 0;
  } catch {
    return false; // a revoked Proxy, or a class whose metadata cannot be read
  }
}
