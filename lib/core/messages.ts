/**
 * Every error and log message, in one place: each names the node, where it
 * comes from (`Class.method`), the culprit, and what to do.
 */
import type { FunctionGraph } from './graph/graph.js';
import { at, errorText, q, show } from './message-format.js';

export const decoratorMessages = {
  notAMethod: (method: string, kind: string) => `@node is for methods; ${q(method)} is a ${kind}. Turn it into a method.`,
  badName: (method: string, name: unknown) => `@node on method ${q(method)}: name must be a non-empty string, got ${show(name)}.`,
  badInputs: (method: string, inputs: unknown) =>
    `@node on method ${q(method)}: inputs must be a list of non-empty strings (one per parameter), got ${show(inputs)}.`,
  inputsCount: (method: string, inputs: readonly string[], params: readonly string[]) =>
    `@node on method ${q(method)}(${params.join(', ')}): inputs ${show(inputs)} do not match its parameters one to one. ` +
    `Give one input name per parameter (trailing parameters with defaults may be left out).`,
  overrideUnreadable: (origin: string, reason: string, text: string) =>
    `${origin}(${text}) overrides a @node method, but its inputs cannot be read from ${reason} parameters. ` +
    `Decorate the override with @node({ inputs: [...] }), or use plain named parameters.`,
  unreadableParameters: (method: string, reason: string, text: string, decorator = '@node', fix = "@node({ inputs: ['a', 'b'] })") =>
    reason === 'native'
      ? `${decorator} on method ${q(method)}: ${q(text)} is a bound or built-in function, whose parameter names cannot be read. ` +
        `Pass a plain function or arrow, or name the inputs explicitly: ${fix}.`
      : `${decorator} on method ${q(method)}(${text}): cannot read its inputs from ${reason} parameters. ` +
        `Use plain named parameters, or name the inputs explicitly: ${fix}.`,
  modifierWithoutNode: (origin: string, decorators: string) =>
    `${origin} has ${decorators} but no @node(): only @node methods are nodes. Add @node() to ${origin}, or remove ${decorators}.`,
  cannotInstantiate: (cls: string, e: unknown) =>
    `Module class ${cls || '(anonymous)'} could not be instantiated with no arguments (${errorText(e)}). ` +
    `Pass an instance instead: withModules(new ${cls || 'MyClass'}(...)).`,
  notAModule: (m: unknown) => `withModules takes classes or instances, got ${show(m)}.`,
  nodeTwice: (origin: string) => `${origin} has @node twice. Keep one @node(...) per method.`,
  twoOfStage: (origin: string, stage: string, decorators: readonly string[]) =>
    `${origin} has ${decorators.join(' and ')}: a method can have only one decorator of the ${stage} stage ` +
    `(${stage === 'expand' ? 'one that makes several nodes from one' : 'one that makes the node from something else'}). Split it into two methods.`,
  stageNeedsOneNode: (origin: string, decorator: string, names: readonly string[]) =>
    `${origin}: ${decorator} applies to one node, but the decorators before it made ${names.length} (${names.map(q).join(', ')}). ` +
    `These decorators cannot be combined on one method; split it into two methods.`,
  unknownTarget: (origin: string, unknown: readonly string[], names: readonly string[]) =>
    `${origin}: target ${unknown.map(q).join(', ')} is not a node this method makes (it makes ${names.map(q).join(', ')}). ` +
    `Name one of those, or use target: 'all'.`,
};

export const graphMessages = {
  duplicate: (name: string, origins: readonly string[], sameModule: boolean) =>
    `Node ${q(name)} is defined twice: by ${origins[0]} and by ${origins[1]}. ` +
    (sameModule
      ? 'Rename one of them, or give one @node({ name }) another name.'
      : 'Rename one of them, or call allowModuleOverrides() on the Builder so the later module wins.'),
  cycle: (path: readonly string[], origins: readonly (string | undefined)[]) =>
    `The nodes depend on each other in a cycle: ${path.map((n, i) => at(n, origins[i])).join(' -> ')}. ` +
    `Break the cycle: one of these functions must not read the node it (indirectly) produces.`,
};

export const planMessages = {
  missingInputs: (graph: FunctionGraph, missing: Readonly<Record<string, readonly string[]>>) => {
    const lines = Object.entries(missing).map(([input, needers]) => {
      const who = needers.map((n) => at(n, graph.node(n)?.spec?.origin)).join(', ');
      return `  - ${q(input)}, needed by ${who}`;
    });
    const names = Object.keys(missing);
    return (
      `${names.length === 1 ? 'An input is' : `${names.length} inputs are`} missing: no node produces ${names.length === 1 ? 'it' : 'them'} and no input provides ${names.length === 1 ? 'it' : 'them'}.\n` +
      `${lines.join('\n')}\n` +
      `Pass ${names.length === 1 ? 'it' : 'them'} in execute(outputs, { inputs: { ... } }) or withConfig, or add @node methods with ${names.length === 1 ? 'that name' : 'those names'}.`
    );
  },
  outputsNotStrings: (outputs: unknown) => `execute takes a list of output names, got ${show(outputs)}.`,
  outputInFanOut: (name: string, source: string) =>
    `Output ${q(name)} runs once per item of the fan-out of ${q(source)}, so it has no single value. Request the @collect node that gathers it instead.`,
  inputIsConfig: (name: string) =>
    `Input ${q(name)} is also a config key: a value must come from one place. Remove it from inputs, or from withConfig.`,
  inputIsNode: (name: string, origin: string | undefined) =>
    `Input ${q(name)} is computed by node ${at(name, origin)}, so it cannot be an input. To replace the node's value, pass it in overrides instead.`,
  unknownNames: (
    names: readonly string[],
    suggestions: Readonly<Record<string, readonly string[]>>,
    absent: Readonly<Record<string, readonly { origin: string; reason: string }[]>> = {},
  ) => {
    const known = names.filter((n) => !absent[n]?.length);
    const parts: string[] = [];
    if (known.length) {
      parts.push(
        `Unknown node${known.length > 1 ? 's' : ''}: ` +
          known.map((n) => (suggestions[n]?.length ? `${q(n)} (did you mean ${suggestions[n]!.map(q).join(' or ')}?)` : q(n))).join(', ') +
          `. Check the spelling, or list the nodes with listAvailableVariables().`,
      );
    }
    for (const n of names.filter((x) => absent[x]?.length)) {
      parts.push(
        `Node ${q(n)} is not in the graph under this config: ` +
          absent[n]!.map((a) => `${a.origin} ${a.reason}`).join('; ') +
          `. Change the config with withConfig, or request another node.`,
      );
    }
    return parts.join(' ');
  },
};

export const runMessages = {
  aborted: (running: readonly string[], reason: unknown) =>
    `The run was aborted (${errorText(reason)})` +
    (running.length ? ` while ${running.map(q).join(', ')} ${running.length === 1 ? 'was' : 'were'} running` : '') +
    `. No node started after the abort; nothing is returned.`,
  runTimedOut: (timeoutMs: number, running: readonly string[]) =>
    `The run took longer than its timeoutMs of ${timeoutMs} ms` +
    (running.length ? ` (still running: ${running.map(q).join(', ')})` : '') +
    `. Raise execute(outputs, { timeoutMs }), or make the slow nodes faster.`,
  nodeTimedOut: (name: string, origin: string | undefined, timeoutMs: number) =>
    `Node ${at(name, origin)} took longer than its timeoutMs of ${timeoutMs} ms. Raise @node({ timeoutMs }), or make ${origin ?? 'the function'} faster ` +
    `(an async node can stop early by watching NodeContext.signal).`,
  badTimeout: (where: string, value: unknown) =>
    `${where}: timeoutMs must be a positive number of milliseconds, got ${show(value)}.`,
  badSignal: (value: unknown) => `execute(outputs, { signal }): signal must be an AbortSignal, got ${show(value)}.`,
  badConcurrency: (max: unknown) =>
    `LocalExecutor: maxConcurrency must be a whole number of at least 1, got ${show(max)}. Use e.g. new LocalExecutor({ maxConcurrency: 16 }).`,
  nodeFailed: (name: string, origin: string | undefined, error: unknown, item?: number) =>
    `Node ${at(name, origin)} failed${item === undefined ? '' : ` on item ${item} of its fan-out`}: ${errorText(error)}. ` +
    `The original error is the cause; fix ${origin ?? 'the function'} or its inputs.`,
};

export const linkMessages = {
  opTwice: (name: string) => `Framework op ${q(name)} is registered twice with different definitions. Give the new op another name.`,
  unknownOp: (op: string, node: string, origin: string | undefined, known: readonly string[]) =>
    `Node ${at(node, origin)} runs framework op ${q(op)}, which is not registered in this process (known: ${known.map(q).join(', ') || 'none'}). ` +
    `Import the module that registers it (for hamilton-ts's own ops: import 'hamilton-ts') before building.`,
  unknownRef: (id: string) =>
    `No value is registered under reference ${q(id)}: the graph was resolved from different modules or config. Rebuild the graph from the same modules and config.`,
  unknownModule: (index: number, count: number) =>
    `A node refers to module #${index}, but the build has ${count} module${count === 1 ? '' : 's'}. Rebuild the graph from the same modules, in the same order.`,
  methodGone: (node: string, origin: string | undefined, method: string) =>
    `Node ${at(node, origin)} runs method ${q(method)}, which its module no longer has as a function. Keep the method, or remove its @node.`,
  refNotAFunction: (node: string, origin: string | undefined, ref: string) =>
    `Node ${at(node, origin)} calls the value registered as ${q(ref)}, which is not a function. Pass a function to the decorator.`,
};

export const sourceMessages = {
  instanceModule: (cls: string) =>
    `Module ${cls} was given as an instance, so another process cannot rebuild it (its state is not in a file). ` +
    `Pass the class to withModules (it is instantiated with no arguments), or run in process.`,
  unknownFile: (cls: string) =>
    `The file that defines module ${cls} is not known (it has no decorated methods of its own, or was made at run time). ` +
    `Define ${cls} with @node methods in a module file and export it.`,
  cannotImport: (url: string, cls: string, e: unknown) =>
    `Cannot import ${url} to find module ${cls}: ${errorText(e)}. Make the file importable in this process (for .ts files: load hamilton-ts's TypeScript loader).`,
  notExported: (url: string, cls: string, exports: readonly string[]) =>
    `${url} does not export class ${cls} (it exports ${exports.map(q).join(', ') || 'nothing'}). Export the class: \`export class ${cls} { ... }\`.`,
};

export const fanOutMessages = {
  nested: (inner: string, outer: string) =>
    `Node ${q(inner)} is @parallelizable inside the fan-out of ${q(outer)}: fan-outs cannot nest. Collect the outer fan-out first, then fan out again.`,
  noCollect: (source: string, origin: string | undefined) =>
    `Node ${at(source, origin)} is @parallelizable, but no requested node gathers its items with @collect. ` +
    `Add a node with @collect('<node in the fan-out>'), and request it (or something downstream of it).`,
  leak: (inner: string, reader: string, origin: string | undefined, source: string) =>
    `Node ${at(reader, origin)} reads ${q(inner)}, which runs once per item of the fan-out of ${q(source)}. ` +
    `Gather it with @collect('${inner}') on a node that reads it, or move ${q(reader)} into the fan-out.`,
  notIterable: (source: string, origin: string | undefined, got: string) =>
    `Node ${at(source, origin)} is @parallelizable and must return an iterable (an array, a Set, a generator ...), but returned ${got}.`,
};

export const hookMessages = {
  hookFailed: (hook: string, event: string) => `Lifecycle hook ${hook}.${event} threw; the run goes on. Fix the hook.`,
};

export const resultMessages = {
  lengthMismatch: (lengths: Readonly<Record<string, number>>) =>
    `TableResult cannot make one table: columns have different lengths (${Object.entries(lengths)
      .map(([c, n]) => `${q(c)}: ${n}`)
      .join(', ')}). Request columns of one length, or use DictResult.`,
  duplicateColumn: (column: string, from: string) =>
    `TableResult: column ${q(column)} (from output ${q(from)}) appears twice. Request it once, or rename one of the columns.`,
};

export const tagMessages = {
  notAnObject: (decorator: string, tags: unknown) => `${decorator} takes an object of tags, got ${show(tags)}.`,
  emptyKey: (decorator: string) => `${decorator}: a tag key is empty. Give every tag a name.`,
  reservedKey: (decorator: string, key: string) =>
    `${decorator}: tag key ${q(key)} is in the reserved \`hamilton.\` namespace. Use another key.`,
  badValue: (decorator: string, key: string, value: unknown) =>
    `${decorator}: tag ${q(key)} must be a string or a non-empty list of strings, got ${show(value)}.`,
  unknownOutputs: (origin: string, unknown: readonly string[], names: readonly string[]) =>
    `@tagOutputs on ${origin} names ${unknown.map(q).join(', ')}, which it does not produce (it produces ${names.map(q).join(', ')}). Fix the output names.`,
};

export const renderMessages = {
  unknownFormat: (file: string, format: string) =>
    `display(${JSON.stringify(file)}): unknown format ${q(format || '(none)')}. Use a .svg or .dot file name, or pass { format: 'svg' | 'dot' }.`,
};

export const builderMessages = {
  badModule: (m: unknown) => `withModules takes classes or instances, got ${show(m)}.`,
  badConfig: (c: unknown) => `withConfig takes a plain object, got ${show(c)}.`,
  badHook: (h: unknown) => `withAdapters takes hook objects (with beforeNodeExecute, afterNodeExecute ...), got ${show(h)}.`,
  badResultBuilder: (r: unknown) => `withResultBuilder takes an object with build(outputs, names), got ${show(r)}.`,
  badExecutor: (e: unknown) => `withExecutor takes an object with run(plan, context), got ${show(e)}.`,
  badCache: (s: unknown) =>
    `withCache takes { dir, defaultBehavior? } with dir a non-empty folder path and defaultBehavior one of 'default', 'recompute', 'disable'; got ${show(s)}. ` +
    `Use e.g. withCache({ dir: '.hamilton-cache' }).`,
  noExtension: (name: string) =>
    `The Builder has a ${q(name)} setting, but nothing implements it in this process. Import the Builder from 'hamilton-ts' (the package entry registers it).`,
};
