/**
 * The built-in execution log: a lifecycle hook that writes one pino record
 * when a node starts, ends and fails, on the driver's logger.
 */
import type { Level, Logger } from 'pino';
import { InvalidInputsError } from '../../core/errors.js';
import { errorText } from '../../core/message-format.js';
import { isPlainObject } from '../../core/values.js';
import type { AfterNodeExecuteEvent, BeforeGraphExecuteEvent, BeforeNodeExecuteEvent, LifecycleHooks } from '../../core/run/hooks.js';
import { hookOptionMessages } from '../messages.js';
import { hookOptions } from './options.js';
import { RunHistory } from '../../core/run/run-history.js';

/** What an ExecutionLog record is about. */
export type ExecutionLogEvent = 'start' | 'end' | 'fail';

/**
 * One record, exactly these fields (pino adds level, time, msg ...):
 * `durationMs` on end and fail, `error` (its text) on fail, `item` inside a fan-out.
 */
export interface ExecutionLogRecord {
  readonly runId: string;
  readonly node: string;
  readonly event: ExecutionLogEvent;
  readonly durationMs?: number;
  readonly error?: string;
  readonly item?: number;
}

/** Options of ExecutionLog. */
export interface ExecutionLogOptions {
  /** Where to log (default: the driver's logger, `withLogger`). */
  readonly logger?: Logger;
  /** The level of each record (default start: debug, end: info, fail: error). */
  readonly levels?: Partial<Readonly<Record<ExecutionLogEvent, Level>>>;
}

const LEVELS: readonly Level[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
const DEFAULT_LEVELS: Readonly<Record<ExecutionLogEvent, Level>> = { start: 'debug', end: 'info', fail: 'error' };

/** The logger of a run, and which records its level lets through (read once per run). */
interface RunLog {
  readonly logger: Logger;
  readonly enabled: Readonly<Record<ExecutionLogEvent, boolean>>;
}

/**
 * Logs node starts, ends and failures as structured pino records
 * (`{ runId, node, event, durationMs?, error? }`), on the driver's logger
 * unless given one. A record below the logger's level costs no more than a comparison.
 *
 * @example
 * const logger = pino({ level: 'debug' });
 * const dr = new Builder().withModules(Marketing).withLogger(logger).withAdapters(new ExecutionLog()).build();
 * await dr.execute(['spendPerSignup'], { inputs });
 * // {"level":20,"runId":"...","node":"spendPerSignup","event":"start","msg":"node spendPerSignup started"}
 */
export class ExecutionLog implements LifecycleHooks {
  private readonly logger: Logger | undefined;
  private readonly levels: Readonly<Record<ExecutionLogEvent, Level>>;
  /** Runs' loggers, kept after a run ends: a node that was running when its run failed still ends later. */
  private readonly runs = new RunHistory<RunLog>('ExecutionLog', 20);

  constructor(options?: ExecutionLogOptions) {
    const { logger, levels = {} } = hookOptions('ExecutionLog', options, ['logger', 'levels']);
    if (logger !== undefined && !isLogger(logger)) throw new InvalidInputsError(hookOptionMessages.badLogger(logger));
    if (!isPlainObject(levels as unknown)) throw new InvalidInputsError(hookOptionMessages.badLevels(levels));
    for (const key of Object.keys(levels)) {
      if (!(key in DEFAULT_LEVELS)) throw new InvalidInputsError(hookOptionMessages.unknownOption('ExecutionLog levels', key, Object.keys(DEFAULT_LEVELS)));
    }
    const chosen = { ...DEFAULT_LEVELS, ...levels };
    for (const [key, level] of Object.entries(chosen)) {
      if (!LEVELS.includes(level)) throw new InvalidInputsError(hookOptionMessages.badLevel(key, level, LEVELS));
    }
    this.logger = logger;
    this.levels = chosen;
  }

  /** Picks the run's logger: the one given, else the driver's. */
  beforeGraphExecute({ runId, logger }: BeforeGraphExecuteEvent): void {
    const chosen = this.logger ?? logger;
    const { start, end, fail } = this.levels;
    this.runs.start(runId, { logger: chosen, enabled: { start: chosen.isLevelEnabled(start), end: chosen.isLevelEnabled(end), fail: chosen.isLevelEnabled(fail) } });
  }

  /** `{ runId, node, event: 'start' }`. */
  beforeNodeExecute({ runId, name, item }: BeforeNodeExecuteEvent): void {
    const run = this.runOf(runId);
    if (!run?.enabled.start) return;
    const record: ExecutionLogRecord = item === undefined ? { runId, node: name, event: 'start' } : { runId, node: name, event: 'start', item };
    run.logger[this.levels.start](record, `node ${name} started`);
  }

  /** `{ runId, node, event: 'end', durationMs }`, or `{ ..., event: 'fail', durationMs, error }`. */
  afterNodeExecute({ runId, name, item, success, error, durationMs }: AfterNodeExecuteEvent): void {
    const run = this.runOf(runId);
    const event: ExecutionLogEvent = success ? 'end' : 'fail';
    if (!run?.enabled[event]) return;
    const record: ExecutionLogRecord = success ? { runId, node: name, event, durationMs } : { runId, node: name, event, durationMs, error: errorText(error) };
    const at = durationMs.toFixed(3);
    run.logger[this.levels[event]](item === undefined ? record : { ...record, item }, success ? `node ${name} ended in ${at} ms` : `node ${name} failed after ${at} ms`);
  }

  private runOf(runId: string): RunLog | undefined {
    return this.runs.get(runId);
  }
}

function isLogger(v: unknown): v is Logger {
  const l = v as Logger | null;
  return typeof l === 'object' && l !== null && typeof l.info === 'function' && typeof l.isLevelEnabled === 'function';
}
