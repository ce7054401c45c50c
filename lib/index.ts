/**
 * hamilton-ts: the Hamilton dataflow paradigm in TypeScript.
 * The one public entry: `import { node, Builder } from 'hamilton-ts'`.
 */
// Must come first: installs Symbol.metadata before any user class is defined.
import './core/record/metadata.js';

export { node, type NodeOptions } from './decorators/node.js';
// Execution platform: fan-out and gathering
export { parallelizable } from './decorators/parallelizable.js';
export { collect } from './decorators/collect.js';
export { value, source, configuration, group, isDependency, type DependencySpec, type ValueDependency, type SourceDependency, type ConfigurationDependency, type GroupDependency } from './decorators/dependencies.js';
export { tag } from './tags/tag.js';
export { tagOutputs } from './tags/tag-outputs.js';
export { matchesTags, type TagFilter } from './core/graph/tag-filter.js';

export { Builder } from './core/builder.js';
export { Driver, type DriverSettings } from './core/driver.js';
export { builderFromSource, loadClass } from './core/source/rebuild.js';
export type { GraphSource, ModuleSource } from './core/source/graph-source.js';
export type { ExecuteOptions, ExecutionPlan } from './core/run/plan.js';
export { planExecution } from './core/run/plan.js';
export { FunctionGraph, type GraphNode } from './core/graph/graph.js';
export type { Module, ResolvedModule, AbsentNode } from './core/resolve/resolve.js';
export type {
  NodeSpec,
  NodeRole,
  CodeRef,
  MethodCode,
  FunctionCode,
  OpCode,
  Binding,
  Callable,
  NodeInfo,
  Dependency,
  Tags,
  TagValue,
  NodeContext,
} from './core/node.js';
export { FrameworkTags } from './core/node.js';
export type {
  Config,
  DataQualitySettings,
  ResolveContext,
  NodeModifier,
  NodeResolver,
  NodeGenerator,
  NodeExpander,
  NodeInjector,
  NodeTransformer,
  NodeDecorator,
  Target,
  Absent,
  RecordedModifier,
} from './core/resolve/modifiers.js';
export { registerOp, type OpDefinition, type LinkContext } from './core/resolve/ops.js';
export { modifierDecorator, type MethodDecorator } from './decorators/record-modifier.js';

export type { Executor, RunContext, CallNode } from './core/run/executor.js';
export { schedule, type ScheduleOptions } from './core/run/scheduler.js';
export { callInProcess, argumentsOf } from './core/run/call-node.js';
export { RunControl, type RunStop } from './core/run/run-control.js';
export { LocalExecutor, type LocalExecutorOptions } from './core/run/local-executor.js';
export type {
  LifecycleHooks,
  HookEvent,
  BeforeGraphExecuteEvent,
  BeforeNodeExecuteEvent,
  AfterNodeExecuteEvent,
  AfterGraphExecuteEvent,
} from './core/run/hooks.js';

// Execution platform: built-in hooks
export { ProgressBar, type ProgressBarOptions, type ProgressStream } from './platform/hooks/progress-bar.js';
export { TimingProfile, type TimingProfileOptions, type TimingReport, type NodeTiming } from './platform/hooks/timing-profile.js';
export type { CriticalPath } from './platform/hooks/critical-path.js';
export { formatTiming } from './platform/hooks/format-timing.js';
export { ExecutionLog, type ExecutionLogOptions, type ExecutionLogRecord, type ExecutionLogEvent } from './platform/hooks/execution-log.js';

export type { ResultBuilder } from './core/run/results/result-builder.js';
export { DictResult } from './core/run/results/dict-result.js';
export { TableResult } from './core/run/results/table-result.js';
export { isColumn, isTable, type Column } from './core/values.js';

export { toDot, type DotOptions } from './core/render/to-dot.js';
export { dotToSvg, type DisplayFormat } from './core/render/render.js';

export {
  HamiltonError,
  DecoratorError,
  GraphError,
  LinkError,
  CycleError,
  DuplicateNodeError,
  UnknownNodeError,
  MissingInputsError,
  InvalidInputsError,
  NodeExecutionError,
  ExecutionAbortedError,
  NodeTimeoutError,
  DataValidationError,
  ResultBuilderError,
} from './core/errors.js';

export type { ValidationResult, Importance, Diagnostics } from './quality/result.js';
export type { Validator, ValidatorOutcome } from './quality/validator.js';
export { checkOutput, type CheckOutputOptions } from './quality/check-output.js';
export { checkOutputCustom } from './quality/check-output-custom.js';
export { createValidators, CHECK_KEYS, type CheckOptions, type CheckKey } from './quality/validators/registry.js';
export {
  ValidationReporter,
  formatReport,
  type ValidationReport,
  type ValidationReporterOptions,
  type ValidationTotals,
} from './quality/validation-report.js';
