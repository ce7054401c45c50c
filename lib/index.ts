/**
 * hamilton-ts: the Hamilton dataflow paradigm in TypeScript.
 * The one public entry: `import { node, Builder } from 'hamilton-ts'`.
 */
// Must come first: installs Symbol.metadata before any user class is defined.
import './core/record/metadata.js';
// Implements Builder.withCache (lib/core knows the setting, lib/platform the cache).
import './platform/cache/install.js';

export { node, type NodeOptions } from './decorators/node.js';
// Execution platform: fan-out and gathering
export { parallelizable } from './decorators/parallelizable.js';
export { collect } from './decorators/collect.js';
// Execution platform: caching
export { cache, type CacheOptions } from './decorators/cache.js';
export { CACHE_BEHAVIORS, type CacheBehavior, type CacheSettings } from './core/cache-settings.js';
export { tag } from './tags/tag.js';
export { tagOutputs } from './tags/tag-outputs.js';
export { matchesTags, type TagFilter } from './core/graph/tag-filter.js';

export { Builder } from './core/builder.js';
export { Driver, type DriverSettings } from './core/driver.js';
export { builderFromSource, loadClass } from './core/source/rebuild.js';
export type { GraphSource, ModuleSource } from './core/source/graph-source.js';
export type { ExecuteOptions, ExecutionPlan } from './core/run/plan.js';
export type { InputKind, InputKinds } from './core/run/input-kinds.js';
export type { ConfigOutputs, LooseOutputs, MethodOutputs, ModuleOutputs, ModulesOutputs } from './core/types/module-outputs.js';
export type {
  ExecuteResult,
  InputsArg,
  InputsParam,
  OutputName,
  OutputsByName,
  OverridesArg,
  TypedExecuteOptions,
  WideName,
} from './core/types/execute-types.js';
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
export { WorkerPoolExecutor, type WorkerPoolExecutorOptions } from './platform/worker-pool/worker-pool-executor.js';
export { MeasuredValue, needsRunner } from './core/run/node-runner.js';
// Execution platform: nodes as BullMQ jobs on Redis, workers on any host
export { BullMQExecutor, type BullMQExecutorOptions } from './platform/bullmq/bullmq-executor.js';
export { NodeWorker, type NodeWorkerOptions } from './platform/bullmq/worker.js';
export type { RedisConnection } from './platform/bullmq/connection.js';
export { QueueConnectionError, WorkerRefusedError, JobFailedError } from './platform/bullmq/errors.js';
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
export { dotToSvg, dotToPng, type DisplayFormat } from './core/render/render.js';

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
  DataLoadError,
  DataSaveError,
  FormatError,
  type DataLocation,
} from './core/errors.js';

export { loadData, type LoadOptions } from './io/load-data.js';
export { saveData, type SaveOptions, type SaveResult, type TableLike } from './io/save-data.js';
export {
  registerFormat,
  unregisterFormat,
  getFormat,
  formatFor,
  listFormats,
  type FormatDefinition,
  type FormatCodec,
  type DataFormat,
  type FormatLoadOptions,
  type FormatSaveOptions,
} from './io/registry.js';
export {
  atomicWrite,
  type Content,
  type WriteResult,
  type AtomicWriteOptions,
  type AtomicFileSystem,
  type WritableFileHandle,
} from './core/atomic-write.js';
export { FileProblem, MissingColumnsProblem } from './io/file-problem.js';
export type { CsvLoadOptions, CsvSaveOptions } from './io/formats/csv.js';
export type { RecordsLoadOptions } from './io/formats/records.js';
export type { ArrowLoadOptions, ArrowSaveOptions } from './io/formats/arrow.js';
export type { ParquetLoadOptions, ParquetSaveOptions } from './io/formats/parquet.js';

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

// Function modifiers: config, resolve, parameterize, inject, does (and the dependency specs they bind with).
export {
  value,
  source,
  configuration,
  group,
  isDependency,
  type DependencySpec,
  type ValueDependency,
  type SourceDependency,
  type ConfigurationDependency,
  type GroupDependency,
} from './decorators/dependencies.js';
export { config } from './decorators/config-when.js';
export { ConfigResolver, variantName } from './decorators/config-resolver.js';
export type { ConfigTest } from './decorators/config-match.js';
export { resolve, resolveFromConfig, ResolveChooser, type ResolveOptions } from './decorators/resolve.js';
export { parameterize, type ParameterMapping, type ParameterizeOptions } from './decorators/parameterize.js';
export { parameterizeValues } from './decorators/parameterize-values.js';
export { parameterizeSources } from './decorators/parameterize-sources.js';
export { inject } from './decorators/inject.js';
export { ParameterizeExpander, type ParameterizedOutput } from './decorators/parameterize-expander.js';
export { does, DoesGenerator } from './decorators/does.js';
// Function modifiers: columns, fields and positions of one node's value as nodes; withColumns.
export { extractColumns, ColumnExpander, type ExtractColumnsOptions } from './decorators/extract-columns.js';
export { extractFields, FieldExpander, type ExtractFieldsOptions } from './decorators/extract-fields.js';
export { FIELD_TYPES, type FieldType } from './decorators/field-types.js';
export { unpackFields, UnpackExpander } from './decorators/unpack-fields.js';
export {
  parameterizeExtractColumns,
  ParameterizedColumnExpander,
  type ParameterizedExtract,
  type ParameterizeExtractColumnsOptions,
} from './decorators/parameterize-extract-columns.js';
export { withColumns, type WithColumnsOptions, type ColumnModule } from './decorators/with-columns.js';
export { WithColumnsInjector, type WithColumnsSettings } from './decorators/with-columns-injector.js';
export { ExtractionError } from './core/errors.js';
export { AddedModules } from './core/resolve/build-modules.js';
export type { ResolvedMethods } from './core/resolve/resolve.js';
// Function modifiers: pipes (step, pipeInput/pipe, pipeOutput, mutate) and subdags.
export { step, applyTo, Step, type StepBinding, type StepOptions, type StepCondition, type StepTest } from './decorators/step.js';
export { pipeInput, pipe, type PipeInputOptions } from './decorators/pipe-input.js';
export { pipeOutput, type PipeOutputOptions } from './decorators/pipe-output.js';
export { mutate } from './decorators/mutate.js';
export { subdag, type SubdagOptions } from './decorators/subdag.js';
export { parameterizedSubdag } from './decorators/parameterized-subdag.js';
export type { SubdagParts, SubdagInput } from './decorators/subdag-generator.js';
export type { NodeRemote, RemoteSource, RemoteTarget } from './core/resolve/modifiers.js';
// Data in and out: loaders and savers as nodes (loadFrom, saveTo, dataloader, datasaver) and materialize (to, from).
export { loadFrom, LoadFromInjector, type LoadFrom, type LoadFromOptions } from './decorators/load-from.js';
export { saveTo, SaveToTransformer, type SaveTo, type SaveToOptions } from './decorators/save-to.js';
export { dataloader, DataloaderGenerator, type DataloaderResult } from './decorators/dataloader.js';
export { datasaver, DatasaverDecorator } from './decorators/datasaver.js';
export { to, SaveMaterializer, type To, type ToShorthand, type ToOptions } from './io/to.js';
export { from, LoadMaterializer, type From, type FromOptions } from './io/from.js';
export type { AdapterOptions } from './io/adapter-options.js';
export { stageData, type StagedSave } from './io/save-data.js';
export { stageWrite, type StagedWrite } from './core/atomic-write.js';
export { SaveStaging } from './io/staging.js';
export { BUILT_IN_FORMATS, type BuiltInFormat, type Shorthands } from './io/shorthands.js';
export type {
  Materializer,
  MaterializerPlan,
  MaterializeContext,
  MaterializeOptions,
  MaterializeResult,
  MaterializedMetadata,
} from './core/run/materialize.js';
export type { GraphModule } from './core/graph/graph.js';
