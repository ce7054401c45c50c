/**
 * The modules of one build: the Builder's own (by position in `withModules`),
 * then those that modifiers add while resolving (`ResolveContext.addModule`:
 * subdag, withColumns ...). A `MethodCode.module` is an index into this one
 * list, so the linker finds an added module like one of the Builder's.
 */
import { DecoratorError } from '../errors.js';
import { decoratorMessages } from '../messages.js';
import type { ModuleEntry } from './link.js';

/** A module: a class (instantiated once with no arguments) or an instance of one. */
export type Module = (abstract new (...args: never[]) => unknown) | object;

/**
 * The modules added while resolving one build, numbered after the Builder's
 * `first` modules; each is instantiated once per build. Resolution is
 * deterministic, so a rebuild from the same modules and config numbers them
 * the same in every process.
 *
 * @example
 * const added = new AddedModules(2);
 * added.add(Inner); // 2
 * added.add(Inner); // 2 again: one instance per build
 */
export class AddedModules {
  readonly entries: ModuleEntry[] = [];
  private readonly indexOf = new Map<object, number>();
  private readonly resolving = new Set<number>();

  /** `first`: how many modules the Builder itself has. */
  constructor(readonly first: number) {}

  /** The build index of `module`, instantiating and appending it on first use. */
  add(module: Module): number {
    const known = this.indexOf.get(module);
    if (known !== undefined) return known;
    const index = this.first + this.entries.length;
    this.entries.push(moduleEntry(module));
    this.indexOf.set(module, index);
    return index;
  }

  /** The entry of an added module; undefined for any other index. */
  entry(index: number): ModuleEntry | undefined {
    return index >= this.first ? this.entries[index - this.first] : undefined;
  }

  /** Runs `resolve` for module `index`, refusing one already being resolved (a module embedding itself never ends). */
  enter<T>(index: number, origin: string, resolve: () => T): T {
    if (this.resolving.has(index)) throw new DecoratorError(decoratorMessages.moduleEmbedsItself(origin, this.entry(index)!.name));
    this.resolving.add(index);
    try {
      return resolve();
    } finally {
      this.resolving.delete(index);
    }
  }
}

/**
 * A module's class, the instance its methods run on, and its display name.
 *
 * @example
 * moduleEntry(Marketing); // { cls: Marketing, instance: new Marketing(), name: 'Marketing', givenInstance: false }
 */
export function moduleEntry(module: Module): ModuleEntry {
  if (typeof module === 'function') {
    const cls = module as new () => unknown;
    let instance: unknown;
    try {
      instance = new cls();
    } catch (e) {
      throw new DecoratorError(decoratorMessages.cannotInstantiate(cls.name, e), { cause: e });
    }
    return { cls, instance, name: cls.name || 'AnonymousClass', givenInstance: false };
  }
  if (module === null || typeof module !== 'object') throw new DecoratorError(decoratorMessages.notAModule(module));
  const cls = (module as object).constructor;
  return { cls, instance: module, name: cls?.name || 'AnonymousClass', givenInstance: true };
}
