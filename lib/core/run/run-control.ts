/**
 * How a run stops early: the caller's AbortSignal, the run's timeout, or the
 * first node failure. One AbortController per run: nodes see its signal as
 * NodeContext.signal, and executors stop scheduling when it fires.
 */
import { ExecutionAbortedError, InvalidInputsError, NodeTimeoutError } from '../errors.js';
import { runMessages } from '../messages.js';

/** Why a run stopped early. */
export type RunStop =
  | { readonly kind: 'aborted'; readonly reason: unknown }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'failed'; readonly error: Error };

/**
 * The stop switch of one run.
 *
 * @example
 * const control = new RunControl({ signal, timeoutMs: 5_000 });
 * try { await executor.run(plan, { ...ctx, control }); } finally { control.dispose(); }
 */
export class RunControl {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly external: AbortSignal | undefined;
  private readonly onExternalAbort = () => {
    this.passDeadline();
    this.stop({ kind: 'aborted', reason: this.external!.reason });
  };
  private stopped: RunStop | undefined;
  private passDeadline!: () => void;
  /**
   * Settles when the caller's signal aborts or the run's timeout passes, even if
   * the run already stopped for another reason: hooks are never awaited past it.
   */
  readonly deadline: Promise<void> = new Promise<void>((resolve) => { this.passDeadline = resolve; });

  constructor(options: { signal?: AbortSignal; timeoutMs?: number } = {}) {
    const { signal, timeoutMs } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) throw new InvalidInputsError(runMessages.badSignal(signal));
    if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
      throw new InvalidInputsError(runMessages.badTimeout('execute(outputs, { timeoutMs })', timeoutMs));
    }
    this.external = signal;
    if (signal?.aborted) {
      this.passDeadline();
      this.stop({ kind: 'aborted', reason: signal.reason });
    }
    else signal?.addEventListener('abort', this.onExternalAbort, { once: true });
    if (timeoutMs !== undefined && !this.stopped) {
      this.timer = setTimeout(() => {
        this.passDeadline();
        this.stop({ kind: 'timeout', timeoutMs });
      }, timeoutMs);
      this.timer.unref?.();
    }
  }

  /** Aborted once the run must stop; its reason is the RunStop. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the run stopped, once it did. */
  get reason(): RunStop | undefined {
    return this.stopped;
  }

  /** Stops the run; the first stop wins. */
  stop(stop: RunStop): void {
    if (this.stopped) return;
    this.stopped = stop;
    this.controller.abort(stop);
  }

  /** The error `execute` rejects with, naming the nodes that were running. */
  errorFor(running: readonly string[]): Error {
    const s = this.stopped;
    if (!s) throw new Error('RunControl.errorFor called before the run stopped');
    if (s.kind === 'failed') return s.error;
    if (s.kind === 'timeout') return new NodeTimeoutError(runMessages.runTimedOut(s.timeoutMs, running), 'run', running, s.timeoutMs);
    return new ExecutionAbortedError(runMessages.aborted(running, s.reason), s.reason, running);
  }

  /** Clears the timer and the listener on the caller's signal. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.external?.removeEventListener('abort', this.onExternalAbort);
  }
}

/**
 * Awaits a hook's promise, but never past the run's deadline (abort or timeout).
 *
 * @example
 * await bounded(hooks.emit('afterGraphExecute', event), control);
 */
export function bounded(p: void | Promise<void>, control: RunControl): void | Promise<void> {
  if (!p) return;
  return Promise.race([p, control.deadline]);
}
