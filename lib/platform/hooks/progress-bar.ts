/**
 * The built-in progress bar: a lifecycle hook that draws, on a terminal, how
 * many of a run's nodes are done and which node is running (cli-progress).
 */
import cliProgress from 'cli-progress';
import { InvalidInputsError } from '../../core/errors.js';
import type { AfterGraphExecuteEvent, AfterNodeExecuteEvent, BeforeGraphExecuteEvent, BeforeNodeExecuteEvent, LifecycleHooks } from '../../core/run/hooks.js';
import { hookOptionMessages } from '../messages.js';
import { hookOptions } from './options.js';

/** Where a progress bar draws: a writable stream, a terminal when `isTTY` is true. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Options of ProgressBar. */
export interface ProgressBarOptions {
  /** Where to draw (default `process.stderr`). */
  readonly stream?: ProgressStream;
  /** Draw even when the stream is not a terminal: one line per redraw (default false). */
  readonly force?: boolean;
}

/** What the bar shows: done of total, and the node that started last. */
const FORMAT = '{bar} {percentage}% | {value}/{total} nodes | {node}';

/** One run's bar, and the fan-out nodes already counted (they finish once per item). */
interface RunBar {
  readonly bar: cliProgress.SingleBar;
  readonly counted: Set<string>;
  done: number;
}

/**
 * Draws the progress of each run on stderr, only when stderr is a terminal:
 * nodes done of the run's total, and the node running. The bar is stopped
 * when the run ends, also when it fails. Elsewhere (CI logs, files, pipes) it
 * draws nothing, and costs next to nothing.
 *
 * @example
 * const dr = new Builder().withModules(Marketing).withAdapters(new ProgressBar()).build();
 * await dr.execute(['spendPerSignup'], { inputs }); // [=====-----] 50% | 2/4 nodes | spendPerSignup
 */
export class ProgressBar implements LifecycleHooks {
  private readonly stream: ProgressStream;
  private readonly force: boolean;
  private readonly bars = new Map<string, RunBar>();

  constructor(options?: ProgressBarOptions) {
    const { stream = process.stderr, force = false } = hookOptions('ProgressBar', options, ['stream', 'force']);
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') throw new InvalidInputsError(hookOptionMessages.badStream(stream));
    this.stream = stream;
    this.force = force === true;
  }

  /** Starts a bar for the run, when the stream is a terminal (or `force`). */
  beforeGraphExecute({ runId, nodes }: BeforeGraphExecuteEvent): void {
    const tty = this.stream.isTTY === true;
    if (!tty && !this.force) return;
    const bar = new cliProgress.SingleBar(
      { stream: this.stream as NodeJS.WritableStream, format: FORMAT, barsize: 30, hideCursor: false, noTTYOutput: !tty, notTTYSchedule: 1000 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(nodes, 0, { node: '' });
    this.bars.set(runId, { bar, counted: new Set(), done: 0 });
  }

  /** Shows the node that starts. */
  beforeNodeExecute({ runId, name, item }: BeforeNodeExecuteEvent): void {
    this.bars.get(runId)?.bar.update({ node: item === undefined ? name : `${name} (item ${item})` });
  }

  /** Counts a node done when it succeeded; a fan-out node counts once, with its first item. */
  afterNodeExecute({ runId, name, item, success }: AfterNodeExecuteEvent): void {
    const run = this.bars.get(runId);
    if (!run || !success) return;
    if (item !== undefined) {
      if (run.counted.has(name)) return;
      run.counted.add(name);
    }
    run.bar.update(++run.done);
  }

  /** Draws the last state and stops the run's bar, whether the run succeeded or not. */
  afterGraphExecute({ runId, success }: AfterGraphExecuteEvent): void {
    const run = this.bars.get(runId);
    if (!run) return;
    this.bars.delete(runId);
    run.bar.update({ node: success ? 'done' : 'failed' });
    run.bar.stop();
  }
}
