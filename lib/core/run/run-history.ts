/**
 * The runs a reporting hook remembers: the latest `maxRuns`, oldest forgotten first.
 */
import { InvalidInputsError } from '../errors.js';
import { hookMessages } from '../messages.js';

/**
 * Per-run state by runId, bounded.
 *
 * @example
 * const runs = new RunHistory<number[]>('TimingProfile', 20);
 * runs.start('run-1', []).push(1);
 * runs.get(runs.latest!);
 */
export class RunHistory<T> {
  private readonly runs = new Map<string, T>();
  /** The runId started last. */
  latest: string | undefined;

  constructor(hook: string, readonly maxRuns: number) {
    if (!Number.isInteger(maxRuns) || maxRuns < 1) throw new InvalidInputsError(hookMessages.badMaxRuns(hook, maxRuns));
  }

  /** Remembers `state` for a new run, forgetting the oldest beyond maxRuns. */
  start(runId: string, state: T): T {
    this.runs.delete(runId);
    this.runs.set(runId, state);
    this.latest = runId;
    for (const old of this.runs.keys()) {
      if (this.runs.size <= this.maxRuns) break;
      this.runs.delete(old);
    }
    return state;
  }

  /** The state of a run, if it is remembered. */
  get(runId: string | undefined): T | undefined {
    return runId === undefined ? undefined : this.runs.get(runId);
  }

  /** The remembered runIds, oldest first. */
  ids(): string[] {
    return [...this.runs.keys()];
  }

  /** Forgets every run. */
  clear(): void {
    this.runs.clear();
    this.latest = undefined;
  }
}
