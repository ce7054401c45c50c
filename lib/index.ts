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
export type { Module, ResolvedModule } from './core/resolve/resolve.js';
export type {
  NodeDefinition,
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
  NodeExpander,
  NodeTransformer,
  NodeDecorator,
} from './core/resolve/modifiers.js';
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
