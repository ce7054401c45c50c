/**
 * The built-in timing profile: a lifecycle hook that records how long each
 * node of a run took (`afterNodeExecute`'s `durationMs`, the node alone), and
 * reports them slowest first with the run's critical path.
 */
import type { AfterGraphExecuteEvent, AfterNodeExecuteEvent, BeforeGraphExecuteEvent, LifecycleHooks } from '../../core/run/hooks.js';
import type { NodeInfo } from '../../core/node.js';
import { hookOptions } from './options.js';
import { RunHistory } from '../../core/run/run-history.js';
import { criticalPath, type CriticalPath } from './critical-path.js';
import { formatTiming } from './format-timing.js';

/** One node's time in a run. */
export interface NodeTiming {
  readonly name: string;
  /** Time spent in the node itself; inside a fan-out, summed over its items. */
  readonly durationMs: number;
  /** 1, or the number of items a fan-out ran the node for. */
  readonly calls: number;
  /** True when the node (or one of its items) failed. */
  readonly failed: boolean;
  readonly origin?: string;
}

/** The timing of one run. */
export interface TimingReport {
  readonly runId: string;
  /** Whether the run succeeded; undefined while it runs (or for an unknown run). */
  readonly success: boolean | undefined;
  /** The run's wall time, once it ended. */
  readonly totalMs: number | undefined;
  /** The nodes' durations added up (more than totalMs when async nodes overlapped). */
  readonly nodeMs: number;
  /** Every node that ran, slowest first. */
  readonly nodes: readonly NodeTiming[];
  /** The longest chain of dependent nodes by summed duration. */
  readonly criticalPath: CriticalPath;
}

/** Options of TimingProfile. */
export interface TimingProfileOptions {
  /** How many runs to keep; older runs are forgotten first (default 20). */
  readonly maxRuns?: number;
}

/**
 * Node timings of one run, in the order the nodes finished: a node finishes
 * only after every node it reads, so this order lists dependencies first.
 * Two array writes per node; calls and failures are kept apart, for the few
 * nodes that have them.
 */
class RunTimings {
  /** Sized to the run's node count up front: no array growing (and garbage) while the run goes. */
  private infoSlots: NodeInfo[];
  private durationSlots: Float64Array;
  private count = 0;
  /** Positions of fan-out nodes, which finish once per item, and how many items each ran. */
  private items: Map<string, number> | undefined;
  readonly calls = new Map<number, number>();
  readonly failed = new Set<number>();
  success: boolean | undefined;
  totalMs: number | undefined;

  constructor(readonly runId: string, capacity: unknown) {
    const size = Number.isInteger(capacity) && (capacity as number) > 0 ? (capacity as number) : 0;
    this.infoSlots = new Array<NodeInfo>(size);
    this.durationSlots = new Float64Array(size);
  }

  get infos(): NodeInfo[] {
    return this.infoSlots.slice(0, this.count);
  }

  get durations(): number[] {
    return Array.from(this.durationSlots.subarray(0, this.count));
  }

  record(e: AfterNodeExecuteEvent): void {
    const at = e.item === undefined ? this.add(e) : this.addItem(e);
    if (!e.success) this.failed.add(at);
  }

  private add(e: AfterNodeExecuteEvent): number {
    const at = this.count++;
    if (at === this.durationSlots.length) this.grow();
    this.infoSlots[at] = e.node;
    this.durationSlots[at] = e.durationMs;
    return at;
  }

  /** More nodes than the run announced (or a run first seen mid-way): twice the room. */
  private grow(): void {
    const durations = new Float64Array(Math.max(16, 2 * this.durationSlots.length));
    durations.set(this.durationSlots);
    this.durationSlots = durations;
    this.infoSlots.length = durations.length;
  }

  private addItem(e: AfterNodeExecuteEvent): number {
    const items = (this.items ??= new Map());
    const at = items.get(e.name);
    if (at === undefined) {
      const k = this.add(e);
      items.set(e.name, k);
      this.calls.set(k, 1);
      return k;
    }
    this.durationSlots[at]! += e.durationMs;
    this.calls.set(at, this.calls.get(at)! + 1);
    return at;
  }

}

/**
 * Records per-node durations of each run. Register it with `withAdapters`,
 * then read `report()` or print `format()` after `execute`, also after a failed run.
 *
 * @example
 * const timing = new TimingProfile();
 * const dr = new Builder().withModules(Marketing).withAdapters(timing).build();
 * await dr.execute(['spendPerSignup'], { inputs });
 * console.log(timing.format());
 * timing.report().criticalPath.nodes; // ['spend', 'spendPerSignup']
 */
export class TimingProfile implements LifecycleHooks {
  private readonly runs: RunHistory<RunTimings>;
  /** The run the last event belonged to: one comparison instead of a map lookup per node. */
  private current: RunTimings | undefined;

  constructor(options?: TimingProfileOptions) {
    const { maxRuns = 20 } = hookOptions('TimingProfile', options, ['maxRuns']);
    this.runs = new RunHistory('TimingProfile', maxRuns);
  }

  /** Starts timing a run. */
  beforeGraphExecute({ runId, nodes }: BeforeGraphExecuteEvent): void {
    this.current = this.runs.start(runId, new RunTimings(runId, nodes));
  }

  /** Records one node's duration. */
  afterNodeExecute(e: AfterNodeExecuteEvent): void {
    let run = this.current;
    if (run === undefined || run.runId !== e.runId) {
      run = this.runs.get(e.runId) ?? this.runs.start(e.runId, new RunTimings(e.runId, 0));
      this.current = run;
    }
    run.record(e);
  }

  /** Records the run's outcome and wall time. */
  afterGraphExecute({ runId, success, durationMs }: AfterGraphExecuteEvent): void {
    const run = this.runs.get(runId);
    if (!run) return;
    run.success = success;
    run.totalMs = durationMs;
  }

  /** The ids of the runs kept, oldest first. */
  runIds(): string[] {
    return this.runs.ids();
  }

  /** The timing of a run (default: the latest); empty for an unknown run. */
  report(runId: string | undefined = this.runs.latest): TimingReport {
    const run = this.runs.get(runId);
    if (!run) return { runId: runId ?? '', success: undefined, totalMs: undefined, nodeMs: 0, nodes: [], criticalPath: { nodes: [], durationMs: 0 } };
    const infos = run.infos;
    const durations = run.durations;
    const names = infos.map((info) => info.name);
    const nodes: NodeTiming[] = names.map((name, k) => {
      const origin = infos[k]!.origin;
      const timing = { name, durationMs: durations[k]!, calls: run.calls.get(k) ?? 1, failed: run.failed.has(k) };
      return origin === undefined ? timing : { ...timing, origin };
    });
    const nodeMs = durations.reduce((a, b) => a + b, 0);
    // Stable sort: equal durations keep the order the nodes finished in.
    nodes.sort((a, b) => b.durationMs - a.durationMs);
    return { runId: run.runId, success: run.success, totalMs: run.totalMs, nodeMs, nodes, criticalPath: criticalPath(names, infos, durations) };
  }

  /**
   * The timing of a run (default: the latest) as a readable table: a summary
   * line, the critical path, and the `limit` slowest nodes (default 20).
   */
  format(runId?: string, options: { readonly limit?: number } = {}): string {
    return formatTiming(this.report(runId), options.limit);
  }

  /** Forgets every run. */
  clear(): void {
    this.runs.clear();
    this.current = undefined;
  }
}
