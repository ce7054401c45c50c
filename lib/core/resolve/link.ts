/**
 * LINK: turns node specs (plain data) into the functions executors call, once
 * per process. Methods are looked up on the module's instance (or class), so a
 * subclass override runs as a caller of the method would expect; framework ops
 * come from the op registry; bound parameters become a small wrapper.
 */
import { LinkError } from '../errors.js';
import { linkMessages } from '../messages.js';
import type { Binding, Callable, NodeSpec } from '../node.js';
import { opNamed, type LinkContext } from './ops.js';

/** One module of a build: its class, the instance its methods run on, and its display name. */
export interface ModuleEntry {
  readonly cls: Function;
  readonly instance: unknown;
  readonly name: string;
  /** True when the Builder was given an instance (its state cannot be rebuilt elsewhere). */
  readonly givenInstance: boolean;
}

/**
 * Links the specs of one build.
 *
 * @example
 * const linker = new Linker(modules, refs);
 * const { fn, thisArg } = linker.link(spec);
 */
export class Linker implements LinkContext {
  constructor(
    private readonly modules: readonly ModuleEntry[],
    private readonly refs: ReadonlyMap<string, unknown>,
  ) {}

  ref(id: string): unknown {
    if (!this.refs.has(id)) throw new LinkError(linkMessages.unknownRef(id));
    return this.refs.get(id);
  }

  holder(index: number, isStatic: boolean): unknown {
    const m = this.modules[index];
    if (!m) throw new LinkError(linkMessages.unknownModule(index, this.modules.length));
    return isStatic ? m.cls : m.instance;
  }

  /**
   * A linker for the same modules that also knows `refs` (live values of nodes
   * added after the build, such as `materialize`'s).
   *
   * @example
   * const more = linker.withRefs(new Map([['materialize#0', combiner]]));
   */
  withRefs(refs: ReadonlyMap<string, unknown>): Linker {
    return new Linker(this.modules, new Map([...this.refs, ...refs]));
  }

  /** The callable of one spec. */
  link(spec: NodeSpec): Callable {
    const code = spec.code;
    if (code.kind === 'op') return opNamed(code.op, spec.name, spec.origin).link(code.args as never, this);
    let fn: unknown;
    let thisArg: unknown;
    if (code.kind === 'method') {
      thisArg = this.holder(code.module, code.static);
      fn = (thisArg as Record<string, unknown>)[code.method];
      if (typeof fn !== 'function') throw new LinkError(linkMessages.methodGone(spec.name, spec.origin, code.method));
    } else {
      fn = this.ref(code.ref);
      if (typeof fn !== 'function') throw new LinkError(linkMessages.refNotAFunction(spec.name, spec.origin, code.ref));
      thisArg = code.module === undefined ? undefined : this.holder(code.module, code.static === true);
    }
    const callable: Callable = { fn: fn as Callable['fn'], thisArg };
    return code.bind ? bound(callable, code.bind, spec.dependencies.length) : callable;
  }
}

/**
 * A callable whose parameters are filled by bindings from the dependency values;
 * arguments past the dependencies (a NodeContext) are passed on after them.
 *
 * @example
 * bound({ fn: (a: number, b: number) => a + b }, [{ dep: 0 }, { value: 1 }], 1).fn(2 as never); // 3
 */
export function bound(target: Callable, bind: readonly Binding[], depCount: number): Callable {
  const fn = target.fn as (...args: unknown[]) => unknown;
  const thisArg = target.thisArg;
  const n = bind.length;
  const wrapper = (...args: unknown[]) => {
    const call: unknown[] = new Array(n);
    for (let k = 0; k < n; k++) call[k] = fill(bind[k]!, args);
    for (let k = depCount; k < args.length; k++) call.push(args[k]);
    return fn.apply(thisArg, call);
  };
  TARGETS.set(wrapper, target);
  return { fn: wrapper, thisArg: undefined };
}

const TARGETS = new WeakMap<Function, Callable>();

/**
 * The callable a `bound` wrapper calls, so that the node's own code can be
 * read (for a code hash or a cache key); undefined for any other function.
 *
 * @example
 * boundTarget(graph.node('x')!.fn!)?.fn.toString();
 */
export function boundTarget(fn: Function): Callable | undefined {
  return TARGETS.get(fn);
}

function fill(b: Binding, args: readonly unknown[]): unknown {
  if ('dep' in b) return args[b.dep];
  if ('value' in b) return b.value;
  if ('group' in b) return b.group.map((g) => fill(g, args));
  // defineProperty, not assignment: a key such as `__proto__` stays an ordinary entry.
  const out: Record<string, unknown> = {};
  for (const [key, g] of b.groupByKey) Object.defineProperty(out, key, { value: fill(g, args), enumerable: true, writable: true, configurable: true });
  return out;
}
