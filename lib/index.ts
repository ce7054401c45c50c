/**
 * hamilton-ts: the Hamilton dataflow paradigm in TypeScript.
 * The one public entry: `import { node, Builder } from 'hamilton-ts'`.
 */
// Must come first: installs Symbol.metadata before any user class is defined.
import './core/record/metadata.js';

export { node, type NodeOptions } from './decorators/node.js';
export { tag } from './tags/tag.js';
export { tagOutputs } from './tags/tag-outputs.js';
export { matchesTags, type TagFilter } from './core/graph/tag-filter.js';

export { Builder } from './core/builder.js';
export { Driver, type DriverSettings } from './core/driver.js';
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

export type { Executor, RunContext } from './core/run/executor.js';
export { LocalExecutor, type LocalExecutorOptions } from './core/run/local-executor.js';
export type {
  LifecycleHooks,
  HookEvent,
  BeforeGraphExecuteEvent,
  BeforeNodeExecuteEvent,
  AfterNodeExecuteEvent,
  AfterGraphExecuteEvent,
} from './core/run/hooks.js';

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

// Function modifiers: pipes (step, pipeInput/pipe, pipeOutput, mutate) and subdags.
export { step, applyTo, Step, type StepBinding, type StepOptions, type StepCondition, type StepTest } from './decorators/step.js';
export { pipeInput, pipe, type PipeInputOptions } from './decorators/pipe-input.js';
export { pipeOutput, type PipeOutputOptions } from './decorators/pipe-output.js';
export { mutate } from './decorators/mutate.js';
export { subdag, type SubdagOptions } from './decorators/subdag.js';
export { parameterizedSubdag } from './decorators/parameterized-subdag.js';
export type { SubdagParts, SubdagInput } from './decorators/subdag-generator.js';
export type { NodeRemote, RemoteSource, RemoteTarget } from './core/resolve/modifiers.js';
export type { ResolvedMethods } from './core/resolve/resolve.js';
// Dependency specs the pipes and subdags take (shared with the other modifiers; export them once when merging).
export { value, source, configuration, group, type DependencySpec } from './decorators/dependencies.js';
