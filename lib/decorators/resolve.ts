/**
 * `@resolve`: chooses a method's decorators from config when the graph is
 * built (Hamilton's `@resolve(when=ResolveAt.CONFIG_AVAILABLE, decorate_with=...)`).
 */
import { DecoratorError, HamiltonError } from '../core/errors.js';
import { recordsIn } from '../core/record/metadata.js';
import { RecordKind, type ModifierRecordPayload } from '../core/record/records.js';
import type { Config, NodeModifier, NodeResolver, RecordedModifier, ResolveContext } from '../core/resolve/modifiers.js';
import { isPlainObject } from '../core/values.js';
import { resolveMessages } from './messages.js';
import { modifierDecorator, type MethodDecorator } from './record-modifier.js';

/**
 * Options of `@resolve`.
 *
 * @example
 * const options: ResolveOptions = { when: 'configAvailable', decorateWith: ({ owner }) => tag({ owner: String(owner) }) };
 */
export interface ResolveOptions {
  /** When to choose: only `'configAvailable'` (when the graph is built), as in Hamilton; the default. */
  readonly when?: 'configAvailable';
  /** Receives the whole config and returns the decorator to apply (or a list, applied as if stacked in that order). */
  readonly decorateWith: (config: Config) => MethodDecorator | readonly MethodDecorator[];
}

/**
 * The resolve-stage modifier behind `@resolve`: calls `decorateWith(config)`
 * in every process that builds the graph, applies the decorators it returns to
 * a scratch metadata object, and hands their records to the resolver, which
 * applies them in their own stages.
 *
 * @example
 * new ResolveChooser((config) => tag({ region: String(config.region) })).choose(ctx);
 */
export class ResolveChooser implements NodeResolver {
  readonly stage = 'resolve';

  constructor(readonly decorateWith: ResolveOptions['decorateWith']) {}

  choose(ctx: ResolveContext): readonly RecordedModifier[] {
    let chosen: unknown;
    try {
      chosen = this.decorateWith(ctx.config);
    } catch (e) {
      if (e instanceof HamiltonError) throw e;
      throw new DecoratorError(resolveMessages.threw(ctx.origin, e), { cause: e });
    }
    const list = Array.isArray(chosen) ? (chosen as unknown[]) : [chosen];
    if (list.length === 0 || list.some((d) => typeof d !== 'function')) throw new DecoratorError(resolveMessages.notADecorator(ctx.origin, chosen));
    const metadata = {};
    const context = decoratorContext(ctx, metadata);
    for (const d of list as MethodDecorator[]) d(ctx.fn, context);
    const out: RecordedModifier[] = [];
    for (const r of recordsIn(metadata)) {
      if (r.kind !== RecordKind.modifier) throw new DecoratorError(resolveMessages.notAModifier(ctx.origin, r.kind));
      const recorded = r.payload as ModifierRecordPayload as RecordedModifier;
      out.push(recorded);
      // A chosen @resolve chooses too: its choices join this one's.
      const m = recorded.modifier as NodeModifier;
      if (m.stage === 'resolve' && m.choose) out.push(...m.choose(ctx));
    }
    return out;
  }
}

/** What a method decorator sees when `@resolve` applies it: the method's name and staticness, and a fresh metadata object. */
function decoratorContext(ctx: ResolveContext, metadata: object): ClassMethodDecoratorContext {
  const name = ctx.method;
  return {
    kind: 'method',
    name,
    static: ctx.isStatic,
    private: false,
    metadata: metadata as DecoratorMetadataObject,
    access: { has: (o: object) => name in o, get: (o: object) => (o as Record<string, unknown>)[name] },
    addInitializer: () => undefined,
  } as ClassMethodDecoratorContext;
}

/**
 * Applies the decorators that `decorateWith(config)` returns, chosen when the
 * graph is built: the power-user escape hatch for a graph whose shape depends
 * on config. `decorateWith` receives the whole config object (destructure the
 * keys it reads); it runs on every build, in every process, so it must be pure.
 *
 * @example
 * class Sums {
 *   @resolve({
 *     when: 'configAvailable',
 *     decorateWith: ({ pairs }) =>
 *       parameterizeSources(Object.fromEntries((pairs as [string, string][]).map(([a, b]) => [`${a}Plus${b}`, { x: a, y: b }]))),
 *   })
 *   @node()
 *   sum(x: number, y: number) { return x + y; }
 * }
 */
export function resolve(options: ResolveOptions): MethodDecorator {
  return (value, context) => {
    const method = String(context.name);
    if (!isPlainObject(options) || typeof options.decorateWith !== 'function') throw new DecoratorError(resolveMessages.badOptions(method, options));
    if (options.when !== undefined && options.when !== 'configAvailable') throw new DecoratorError(resolveMessages.badWhen(method, options.when));
    modifierDecorator('@resolve', new ResolveChooser(options.decorateWith))(value, context);
  };
}

/**
 * `@resolve` with `when: 'configAvailable'` (Hamilton's `@resolve_from_config`).
 *
 * @example
 * @resolveFromConfig({ decorateWith: ({ owner }) => tag({ owner: String(owner) }) })
 * @node()
 * spend(raw: number[]) { return raw; }
 */
export function resolveFromConfig(options: Omit<ResolveOptions, 'when'>): MethodDecorator {
  return resolve({ ...options, when: 'configAvailable' });
}
