/**
 * Lifecycle hooks: the platform team's seam for logging, progress, reports and
 * other executors. A hook is any object with some of these methods, sync or async.
 */
import type { Logger } from 'pino';
import type { NodeInfo } from '../node.js';
import { hookMessages } from '../messages.js';
import { className, errorText } from '../message-format.js';
import { isThenable, toPromise } from './call-node.js';

/** Before anything runs. */
export interface BeforeGraphExecuteEvent {
  readonly runId: string;
  readonly outputs: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly overrides: Readonly<Record<string, unknown>>;
  /** How many nodes the run will compute (a fan-out's nodes count once, not once per item). */
  readonly nodes: number;
  /** The driver's logger (`withLogger`), for hooks that log where the run logs. */
  readonly logger: Logger;
}

/** Before one node runs, with the values it receives. */
export interface BeforeNodeExecuteEvent {
  readonly runId: string;
  readonly name: string;
  readonly node: NodeInfo;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Inside a `@parallelizable` fan-out: the item's index. */
  readonly item?: number;
}

/** After one node ran, successfully or not. */
export interface AfterNodeExecuteEvent {
  readonly runId: string;
  readonly name: string;
  readonly node: NodeInfo;
  readonly success: boolean;
  readonly value?: unknown;
  readonly error?: unknown;
  /** Time spent in the node itself (all attempts, when an executeNode hook retries). */
  readonly durationMs: number;
  readonly item?: number;
}

/** After the run, also after a failure. */
export interface AfterGraphExecuteEvent {
  readonly runId: string;
  readonly outputs: readonly string[];
  readonly success: boolean;
  readonly results?: Readonly<Record<string, unknown>>;
  readonly error?: unknown;
  readonly durationMs: number;
}

/**
 * A lifecycle hook: implement any subset. Returned promises are awaited.
 *
 * @example
 * class Timing implements LifecycleHooks {
 *   afterNodeExecute({ name, durationMs }: AfterNodeExecuteEvent) { console.log(name, durationMs); }
 * }
 */
export interface LifecycleHooks {
  beforeGraphExecute?(event: BeforeGraphExecuteEvent): void | Promise<void>;
  beforeNodeExecute?(event: BeforeNodeExecuteEvent): void | Promise<void>;
  afterNodeExecute?(event: AfterNodeExecuteEvent): void | Promise<void>;
  afterGraphExecute?(event: AfterGraphExecuteEvent): void | Promise<void>;
  /**
   * Wraps one node's execution: call `run()` (once, several times to retry, or
   * not at all) and return the node's value. Hooks wrap in the order given:
   * the first is outermost. An error `run()` rejected with is the node's failure;
   * any other error thrown here is logged as a hook failure and the node runs without this hook.
   */
  executeNode?(event: BeforeNodeExecuteEvent, run: () => Promise<unknown>): unknown;
}

/** The hook events. */
export type HookEvent = keyof LifecycleHooks;

type NotifyEvent = Exclude<HookEvent, 'executeNode'>;

/**
 * Every hook event, in the order a run emits them.
 *
 * @example
 * HOOK_EVENTS.filter((e) => typeof hook[e] === 'function');
 */
export const HOOK_EVENTS: readonly HookEvent[] = Object.freeze(['beforeGraphExecute', 'beforeNodeExecute', 'afterNodeExecute', 'afterGraphExecute', 'executeNode']);

/**
 * Calls every hook that has a method for an event. A throwing (or rejecting)
 * hook is logged at level error with its class name and the event, and the run
 * goes on. Returns a promise only when some hook returned one, so runs without
 * async hooks pay for no promise.
 *
 * @example
 * const hooks = new HookRunner([new Timing()], logger);
 * await hooks.emit('afterGraphExecute', event);
 */
export class HookRunner {
  private readonly byEvent: Record<HookEvent, LifecycleHooks[]>;

  /** True when some hook listens to node events or wraps nodes: nodes then take the slow path. */
  readonly wrapsNodes: boolean;
  /** has('beforeNodeExecute'), has('afterNodeExecute'), has('executeNode'), read once per node on the slow path. */
  readonly hasBefore: boolean;
  readonly hasAfter: boolean;
  readonly wrapsExecute: boolean;

  constructor(hooks: readonly LifecycleHooks[], private readonly logger: Logger) {
    this.byEvent = Object.fromEntries(HOOK_EVENTS.map((e) => [e, hooks.filter((h) => typeof h[e] === 'function')])) as Record<HookEvent, LifecycleHooks[]>;
    this.hasBefore = this.has('beforeNodeExecute');
    this.hasAfter = this.has('afterNodeExecute');
    this.wrapsExecute = this.has('executeNode');
    this.wrapsNodes = this.hasBefore || this.hasAfter || this.wrapsExecute;
  }

  /**
   * Runs `run` inside every executeNode hook (the first given is outermost).
   * Without such hooks this is just `run()`.
   */
  wrapExecute(event: BeforeNodeExecuteEvent, run: () => unknown): unknown {
    const hooks = this.byEvent.executeNode;
    if (hooks.length === 0) return run();
    let call: () => Promise<unknown> = () => Promise.resolve().then(run);
    for (let k = hooks.length - 1; k >= 0; k--) {
      const inner = call;
      const hook = hooks[k]!;
      call = () => this.guarded(hook, event, inner);
    }
    return call();
  }

  private async guarded(hook: LifecycleHooks, event: BeforeNodeExecuteEvent, inner: () => Promise<unknown>): Promise<unknown> {
    let settled: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
    const tracked = () =>
      inner().then(
        (value) => { settled = { ok: true, value }; return value; },
        (error: unknown) => { settled = { ok: false, error }; throw error; },
      );
    try {
      return await hook.executeNode!.call(hook, event, tracked);
    } catch (e) {
      if (settled && !settled.ok && settled.error === e) throw e; // the node's own failure, passed on
      this.report(hook, 'executeNode', event, e);
      if (settled?.ok) return settled.value;
      return inner();
    }
  }

  /** True when some hook listens to the event (so callers can skip building its payload). */
  has(event: HookEvent): boolean {
    return this.byEvent[event].length > 0;
  }

  /** Calls the event's hooks in order; a promise only if one of them is async. */
  emit<E extends NotifyEvent>(event: E, payload: Parameters<NonNullable<LifecycleHooks[E]>>[0]): void | Promise<void> {
    const hooks = this.byEvent[event];
    for (let k = 0; k < hooks.length; k++) {
      const hook = hooks[k]!;
      let out: unknown;
      try {
        out = (hook[event] as (p: typeof payload) => unknown).call(hook, payload);
      } catch (e) {
        this.report(hook, event, payload, e);
        continue;
      }
      if (isThenable(out)) {
        // Keep the order: the remaining hooks run after this one settles.
        return toPromise(out).then(
          () => this.emitFrom(event, payload, k + 1),
          (e: unknown) => { this.report(hook, event, payload, e); return this.emitFrom(event, payload, k + 1); },
        );
      }
    }
  }

  private async emitFrom<E extends NotifyEvent>(event: E, payload: Parameters<NonNullable<LifecycleHooks[E]>>[0], from: number): Promise<void> {
    const hooks = this.byEvent[event];
    for (let k = from; k < hooks.length; k++) {
      const hook = hooks[k]!;
      try {
        await (hook[event] as (p: typeof payload) => unknown).call(hook, payload);
      } catch (e) {
        this.report(hook, event, payload, e);
      }
    }
  }

  private report(hook: LifecycleHooks, event: HookEvent, payload: { runId: string; name?: string }, error: unknown): void {
    const hookName = className(hook) ?? 'anonymous hook';
    const fields = { hook: hookName, event, runId: payload.runId, ...(payload.name ? { node: payload.name } : {}) };
    const message = hookMessages.hookFailed(hookName, event);
    try {
      this.logger.error({ ...fields, err: error }, message);
    } catch {
      // pino's error serializer reads the thrown value's fields, which may throw:
      // log its text instead, so a hook's failure never becomes the run's.
      try {
        this.logger.error({ ...fields, err: { message: errorText(error) } }, message);
      } catch {
        // the logger itself fails: the run still goes on
      }
    }
  }
}
