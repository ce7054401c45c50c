/**
 * One execution, end to end: plan, graph hooks, the executor, the result
 * builder, with the run's stop switch (signal, timeout, first failure). The
 * Driver's `execute` delegates here.
 */
import type { Logger } from 'pino';
import type { FunctionGraph } from '../graph/graph.js';
import type { GraphSource } from '../source/graph-source.js';
import type { Executor, RunContext } from './executor.js';
import type { AfterGraphExecuteEvent, HookRunner } from './hooks.js';
import { planExecution, type ExecuteOptions, type ExecutionPlan } from './plan.js';
import type { InputKinds } from './input-kinds.js';
import type { ResultBuilder } from './results/result-builder.js';
import { bounded, RunControl } from './run-control.js';
import { setOwn } from '../names.js';
import { checkedDict, isPlainDictResult } from './results/dict-result.js';

/** What a run needs besides the graph. */
export interface RunSettings<R> {
  readonly executor: Executor;
  readonly hooks: HookRunner;
  readonly logger: Logger;
  readonly resultBuilder: ResultBuilder<R>;
  /** Kinds inputs must have (Builder.withInputChecks). */
  readonly inputKinds?: InputKinds;
  /** Where the graph comes from, for executors that rebuild it (RunContext.source). */
  readonly source?: () => GraphSource;
}

/**
 * Computes `outputs` of `graph`: rejects at once on the first failure, abort or timeout.
 *
 * @example
 * const result = await runGraph(graph, ['spendPerSignup'], { inputs }, settings);
 */
export async function runGraph<R>(graph: FunctionGraph, outputs: readonly string[], options: ExecuteOptions, settings: RunSettings<R>): Promise<R> {
  const plan = planExecution(graph, outputs, options, settings.inputKinds);
  const control = new RunControl({ signal: options.signal, timeoutMs: options.timeoutMs });
  const { hooks } = settings;
  // The global Web Crypto, not node:crypto: importing that module costs start-up time before the first run.
  const runId = globalThis.crypto.randomUUID();
  const start = performance.now();
  // Only graph hooks see the outputs: a run without them does not copy the list.
  const frozenOutputs = hooks.has('beforeGraphExecute') || hooks.has('afterGraphExecute') ? Object.freeze([...outputs]) : outputs;
  let results: Record<string, unknown> | undefined;
  let built: R;
  try {
    try {
      if (hooks.has('beforeGraphExecute')) {
        await bounded(
          hooks.emit(
            'beforeGraphExecute',
            Object.freeze({
              runId,
              outputs: frozenOutputs,
              inputs: frozenCopy(options.inputs),
              overrides: frozenCopy(options.overrides),
              nodes: plannedNodes(plan),
              logger: settings.logger,
            }),
          ),
          control,
        );
      }
      if (control.reason) throw control.errorFor([]);
      const ctx: RunContext = settings.source
        ? { runId, logger: settings.logger, hooks, control, source: settings.source }
        : { runId, logger: settings.logger, hooks, control };
      // Loading the result builder's library (arquero, the first time) overlaps with the run.
      const preparing = settings.resultBuilder.prepare?.();
      preparing?.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
      await settings.executor.run(plan, ctx);
      if (preparing) await preparing;
      results = {};
      for (let k = 0; k < outputs.length; k++) {
        setOwn(results, outputs[k]!, plan.values[plan.outputIndices[k]!]);
      }
      // A plain DictResult's answer is this record itself (setOwn in request order): no second copy.
      built = isPlainDictResult(settings.resultBuilder) ? (checkedDict(results) as R) : settings.resultBuilder.build(results, outputs);
    } catch (error) {
      if (hooks.has('afterGraphExecute')) {
        await bounded(hooks.emit('afterGraphExecute', Object.freeze({ runId, outputs: frozenOutputs, success: false, error, durationMs: performance.now() - start })), control);
      }
      throw error;
    }
    if (hooks.has('afterGraphExecute')) {
      await bounded(hooks.emit('afterGraphExecute', succeeded(runId, frozenOutputs, plan, performance.now() - start)), control);
      // A hook that held the run past its deadline: the run took longer than it was allowed.
      if (control.reason) throw control.errorFor([]);
    }
  } finally {
    control.dispose();
  }
  return built;
}

/** How many nodes the run will compute: a fan-out's block nodes count once, not once per item. */
function plannedNodes(plan: ExecutionPlan): number {
  let count = plan.compute.length;
  for (const f of plan.fanOuts) count += f.block.length;
  return count;
}

/**
 * The afterGraphExecute event of a run that succeeded. `results` is a frozen
 * copy made when a hook first reads it, from the run's own values: a hook that
 * only wants the duration pays nothing per output.
 */
function succeeded(runId: string, outputs: readonly string[], plan: ExecutionPlan, durationMs: number): AfterGraphExecuteEvent {
  let results: Readonly<Record<string, unknown>> | undefined;
  const copy = () => {
    const record: Record<string, unknown> = {};
    for (let k = 0; k < outputs.length; k++) setOwn(record, outputs[k]!, plan.values[plan.outputIndices[k]!]);
    return Object.freeze(record);
  };
  return Object.freeze({
    runId,
    outputs,
    success: true,
    get results() { return (results ??= copy()); },
    durationMs,
  });
}

/** A frozen shallow copy: hooks cannot change the caller's objects through it. */
function frozenCopy(o: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  const copy: Record<string, unknown> = {};
  if (o) for (const k of Object.keys(o)) setOwn(copy, k, o[k]);
  return Object.freeze(copy);
}
