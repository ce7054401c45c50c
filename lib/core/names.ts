/**
 * User names (nodes, inputs, config keys, tag keys) as data.
 *
 * Any non-empty string is a legal name except one holding a control character
 * (U+0000 to U+001F): such a name cannot be shown in a log line, and no SVG
 * can hold it (XML forbids those characters). Names that are also members of
 * Object.prototype (`__proto__`, `constructor`, `toString` ...) are legal, so
 * every object keyed by user names must hold them as own properties (`setOwn`)
 * or be a Map or a null-prototype object (`nameRecord`): with a plain `o[name] = v`,
 * `__proto__` would set the prototype instead, and `o[name]` would find
 * `toString` on an object that never stored it.
 */
import { DecoratorError, InvalidInputsError } from './errors.js';
import { nameMessages } from './messages.js';
import type { NodeSpec } from './node.js';

/**
 * The position of the first control character (U+0000 to U+001F) in a name, or -1.
 *
 * @example
 * controlCharacterAt('a\tb'); // 1
 * controlCharacterAt('spend'); // -1
 */
export function controlCharacterAt(name: string): number {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) < 0x20) return i;
  return -1;
}

/**
 * Throws a DecoratorError when a name holds a control character; `where`
 * and `what` say whose name it is ("@node on method `x`", "input").
 *
 * @example
 * checkDecoratorName('a\u0000', '@node on method `a`', 'name'); // throws DecoratorError
 */
export function checkDecoratorName(name: string, where: string, what: string): void {
  const i = controlCharacterAt(name);
  if (i >= 0) throw new DecoratorError(nameMessages.controlCharacter(where, what, name, i));
}

/**
 * Throws an InvalidInputsError when a name given to a builder method or to
 * `execute` holds a control character.
 *
 * @example
 * checkInputName('region\n', 'withConfig', 'config key'); // throws InvalidInputsError
 */
export function checkInputName(name: string, where: string, what: string): void {
  const i = controlCharacterAt(name);
  if (i >= 0) throw new InvalidInputsError(nameMessages.controlCharacter(where, what, name, i));
}

/**
 * The graph's check of every node it is given, whichever decorator made it:
 * the node's name and its dependencies' names hold no control character.
 *
 * @example
 * checkNodeNames(def); // throws DecoratorError naming the node and its origin
 */
export function checkNodeNames(def: NodeSpec): void {
  if (controlCharacterAt(def.name) >= 0) checkDecoratorName(def.name, nameMessages.nodeWhere(def.name, def.origin), 'name');
  const deps = def.dependencies;
  for (let k = 0; k < deps.length; k++) {
    const dep = deps[k]!.name;
    if (controlCharacterAt(dep) >= 0) checkDecoratorName(dep, nameMessages.nodeWhere(def.name, def.origin), 'dependency');
  }
}

/**
 * Sets `o[key] = value` as an own data property, also for `__proto__`
 * (which a plain assignment would turn into a prototype change).
 *
 * @example
 * setOwn(result, '__proto__', 1); // Object.keys(result) includes '__proto__'
 */
export function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/**
 * A null-prototype object for records keyed by user names: `r[name]` finds
 * only what was stored, and `r['__proto__'] = v` stores an ordinary entry.
 *
 * @example
 * const missing = nameRecord<string[]>();
 * missing['toString'] ??= []; // a new list, not Object.prototype.toString
 */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
