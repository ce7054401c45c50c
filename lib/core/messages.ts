/**
 * Every error and log message, in one place: each names the node, where it
 * comes from (`Class.method`), the culprit, and what to do.
 */
import type { FunctionGraph } from './graph/graph.js';
import { at, className, errorText, q, show, showValue, typeName } from './message-format.js';

/** How many names a message lists before it says how many more there are. */
const MAX_LISTED = 10;

export const decoratorMessages = {
  onMethod: (method: string) => `@node on method ${q(method)}`,
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
  nameTwiceInMethod: (origin: string, name: string, decorators: readonly string[]) =>
    `${origin} makes node ${q(name)} twice (its decorators: ${decorators.join(', ')}). ` +
    `Give each output a name of its own, different from the nodes the other decorators add (such as \`x_raw\` for @checkOutput on \`x\`).`,
  unknownTarget: (origin: string, unknown: readonly string[], names: readonly string[]) =>
    `${origin}: target ${unknown.map(q).join(', ')} is not a node this method makes (it makes ${names.map(q).join(', ')}). ` +
    `Name one of those, or use target: 'all'.`,
  notAnAddedModule: (origin: string, index: number) =>
    `${origin}: a modifier asked to resolve module #${index}, which it did not add to the build. Add it with ctx.addModule(module) first, and use the index that returns.`,
  moduleEmbedsItself: (origin: string, module: string) =>
    `${origin} embeds module ${module}, which is already being resolved: a module cannot embed itself, directly or through another module. ` +
    `Move the embedding method to a module that ${module} does not embed.`,
  remoteCombined: (origin: string, remote: string, decorators: readonly string[]) =>
    `${origin} has ${decorators.join(' and ')}: a method with ${remote} makes no node of its own, ` +
    `so it takes no other modifier. Keep only @node() and one such decorator on ${origin}, and put the others on the methods it targets.`,
  unknownRemoteTarget: (origin: string, decorator: string, target: string, known: readonly string[]) =>
    `${decorator} on ${origin} targets ${q(target)}, which is neither a method nor a node of its class (its nodes: ${known.map(q).join(', ') || 'none'}). ` +
    `Name a @node method of the same class, or the node it makes.`,
  legacyDecorator: (decorator: string, origin: string | undefined) =>
    `${decorator}${origin ? ` on ${origin}` : ''} was called as a legacy decorator (target, propertyKey, descriptor): ` +
    'the project is compiled with "experimentalDecorators": true. hamilton-ts uses standard (TC39) decorators: ' +
    'remove "experimentalDecorators" and "emitDecoratorMetadata" from compilerOptions in tsconfig.json ' +
    '(tsx and esbuild read the same setting), and use TypeScript 5.0 or later.',
};

export const graphMessages = {
  duplicate: (name: string, origins: readonly string[], sameModule: boolean, namespace?: string) =>
    `Node ${q(name)} is defined twice: by ${origins[0]} and by ${origins[1]}. ` +
    (namespace !== undefined
      ? `Both are embedded under namespace ${q(namespace)}: two subdags use that namespace. Give each its own namespace (subdag(modules, { namespace: '...' })).`
      : sameModule
      ? origins.every((o) => o.includes('__'))
        ? 'Both are config variants that match this config: make their @config conditions exclude each other.'
        : 'Rename one of them, or give one @node({ name }) another name.'
      : 'Rename one of them, or call allowModuleOverrides() on the Builder so the later module wins.'),
  cycle: (path: readonly string[], origins: readonly (string | undefined)[]) => {
    const shown = (i: number) => at(path[i]!, origins[i]);
    // A cycle through 100,000 nodes must not make a megabyte message: its ends, and the count.
    const steps =
      path.length <= MAX_LISTED * 2
        ? path.map((_, i) => shown(i)).join(' -> ')
        : `${path.slice(0, MAX_LISTED).map((_, i) => shown(i)).join(' -> ')} -> ... (${path.length - MAX_LISTED * 2} more) -> ` +
          path.slice(-MAX_LISTED).map((_, k) => shown(path.length - MAX_LISTED + k)).join(' -> ');
    return (
      `The nodes depend on each other in a cycle${path.length > MAX_LISTED * 2 ? ` of ${path.length - 1} nodes (the whole path is the error's \`path\`)` : ''}: ${steps}. ` +
      `Break the cycle: one of these functions must not read the node it (indirectly) produces.`
    );
  },
};

export const planMessages = {
  missingInputs: (graph: FunctionGraph, missing: Readonly<Record<string, readonly string[]>>) => {
    let absent = false;
    const names = Object.keys(missing);
    const lines = names.slice(0, MAX_LISTED).map((input) => {
      const needers = missing[input]!;
      const who = needers.length
        ? `needed by ${needers.slice(0, MAX_LISTED).map((n) => at(n, graph.node(n)?.spec?.origin)).join(', ')}${needers.length > MAX_LISTED ? ` and ${needers.length - MAX_LISTED} more` : ''}`
        : 'requested as an output';
      const left = graph.absent(input);
      if (left.length) absent = true;
      const why = left.length ? `; no node makes it under this config: ${left.map((a) => `${a.origin} ${a.reason}`).join('; ')}` : '';
      return `  - ${q(input)}, ${who}${why}`;
    });
    if (names.length > MAX_LISTED) lines.push(`  - and ${names.length - MAX_LISTED} more (every one is in the error's \`missing\`)`);
    return (
      `${names.length === 1 ? 'An input is' : `${names.length} inputs are`} missing: no node produces ${names.length === 1 ? 'it' : 'them'} and no input provides ${names.length === 1 ? 'it' : 'them'}.\n` +
      `${lines.join('\n')}\n` +
      `Pass ${names.length === 1 ? 'it' : 'them'} in execute(outputs, { inputs: { ... } }) or withConfig, or add @node methods with ${names.length === 1 ? 'that name' : 'those names'}` +
      (absent ? ', or change the config so that a config variant matches.' : '.')
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
          known
            .slice(0, MAX_LISTED)
            .map((n) => (suggestions[n]?.length ? `${q(n)} (did you mean ${suggestions[n]!.map(q).join(' or ')}?)` : q(n)))
            .join(', ') +
          (known.length > MAX_LISTED ? ` and ${known.length - MAX_LISTED} more (every one is in the error's \`names\`)` : '') +
          `. Check the spelling, or list the nodes with listAvailableVariables().`,
      );
    }
    for (const n of names.filter((x) => absent[x]?.length).slice(0, MAX_LISTED)) {
      parts.push(
        `Node ${q(n)} is not in the graph under this config: ` +
          absent[n]!.map((a) => `${a.origin} ${a.reason}`).join('; ') +
          `. Change the config with withConfig, or request another node.`,
      );
    }
    return parts.join(' ');
  },
  badOptions: (where: string, options: unknown) =>
    `${where}(outputs, options): options must be an object such as { inputs: { spend: [...] }, overrides: { ... } }, or left out; got ${show(options)}.`,
  badValues: (where: string, key: string, values: unknown) =>
    `${where}(outputs, { ${key} }): ${key} must be an object of values by name, e.g. { ${key}: { spend: [1, 2] } }; got ${show(values)}.`,
};

export const runMessages = {
  badExecutorOptions: (options: unknown) => `LocalExecutor takes an object such as { maxConcurrency: 16 }, or nothing; got ${show(options)}.`,
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
  badReleaseValues: (value: unknown) =>
    `LocalExecutor: releaseValues must be true or false, got ${show(value)}. Use e.g. new LocalExecutor({ releaseValues: false }).`,
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
  badMaxRuns: (hook: string, value: unknown) =>
    `${hook}: maxRuns must be a whole number of at least 1, got ${show(value)}. Use e.g. new ${hook}({ maxRuns: 20 }).`,
  hookFailed: (hook: string, event: string) => `Lifecycle hook ${hook}.${event} threw; the run goes on. Fix the hook.`,
};

export const nameMessages = {
  controlCharacter: (where: string, what: string, name: string, index: number) =>
    `${where}: ${what} ${q(name)} contains the control character U+${name.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')} ` +
    `at position ${index}. Names cannot hold control characters (U+0000 to U+001F): no log line or DAG drawing can show them. Remove it from the name.`,
  nodeWhere: (name: string, origin: string | undefined) => `Node ${at(name, origin)}`,
};

export const resultMessages = {
  lengthMismatch: (lengths: ReadonlyMap<string, number>) =>
    `TableResult cannot make one table: columns have different lengths (${[...lengths]
      .slice(0, MAX_LISTED * 2)
      .map(([c, n]) => `${q(c)}: ${n}`)
      .join(', ')}${lengths.size > MAX_LISTED * 2 ? ` and ${lengths.size - MAX_LISTED * 2} more` : ''}). Request columns of one length, or use DictResult.`,
  thenIsAFunction: () =>
    `DictResult: output \`then\` is a function, and execute returns a promise of the result: await would take an object ` +
    `with a \`then\` method for a promise and call it instead of returning it. Rename the node, or use a result builder that does not key outputs by name.`,
  duplicateColumn: (column: string, from: string) =>
    `TableResult: column ${q(column)} (from output ${q(from)}) appears twice. Request it once, or rename one of the columns.`,
  notPrepared: () =>
    'TableResult.build was called before arquero was loaded. Driver.execute does this itself; ' +
    'when you call build directly, `await tableResult.prepare()` first.',
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
  unknownFormat: (file: string, format: string, extensions: readonly string[]) =>
    `display(${JSON.stringify(file)}): unknown format ${q(format || '(none)')}. ` +
    `Supported: ${extensions.map((e) => `.${e}`).join(', ')}. Use a file name with one of them, or pass { format: 'svg' | 'png' | 'dot' }.`,
};

const MODULE_KINDS =
  'classes with @node methods, instances of them, or module namespaces exporting such classes (import * as features from \'./features.js\')';

export const builderMessages = {
  badModule: (m: unknown) => `withModules takes ${MODULE_KINDS}; got ${describeArgument(m)}.`,
  moduleWithoutNodes: (m: unknown) =>
    `withModules: ${describeArgument(m)} has no @node methods, so it would add nothing. withModules takes ${MODULE_KINDS}. ` +
    `Decorate its methods with @node(), or pass another module.`,
  namespaceWithoutClasses: (exports: readonly string[]) =>
    `withModules: the module namespace exports ${exports.length ? exports.slice(0, MAX_LISTED).map(q).join(', ') + (exports.length > MAX_LISTED ? ` and ${exports.length - MAX_LISTED} more` : '') : 'nothing'}, ` +
    `but none of them is a class with @node methods. Export the classes whose methods carry @node(), or pass the classes themselves: withModules(Marketing).`,
  unreadableExport: (name: string, e: unknown) =>
    `withModules: export ${q(name)} of the module namespace cannot be read (${errorText(e)}). ` +
    `If two modules import each other, call withModules after both have loaded (e.g. in the file that builds the driver).`,
  badConfig: (c: unknown) => `withConfig takes a plain object, got ${show(c)}.`,
  badHook: (h: unknown) => `withAdapters takes hook objects (with beforeNodeExecute, afterNodeExecute ...), got ${show(h)}.`,
  hookWithoutEvents: (h: unknown, events: readonly string[], index: number) =>
    `withAdapters: argument ${index + 1} (${describeArgument(h)}) has none of the hook methods ${events.join(', ')}, so it would never be called. ` +
    `Give it at least one of them.`,
  badHookMethod: (h: unknown, event: string, value: unknown) =>
    `withAdapters: ${event} of ${describeArgument(h)} must be a function, got ${show(value)}.`,
  badResultBuilder: (r: unknown) => `withResultBuilder takes an object with build(outputs, names), got ${show(r)}.`,
  badExecutor: (e: unknown) => `withExecutor takes an object with run(plan, context), got ${show(e)}.`,
  badLogger: (l: unknown) => `withLogger takes a pino logger (with info, warn, error and isLevelEnabled), got ${describeArgument(l)}. Use e.g. withLogger(pino({ level: 'info' })).`,
  badDataQuality: (settings: unknown) =>
    `withDataQuality takes an object { enabled?: true | false, importance?: 'warn' | 'fail' }, got ${show(settings)}.`,
  unknownDataQualitySetting: (key: string) =>
    `withDataQuality: unknown setting ${q(key)}. The settings are enabled (true or false: whether checks are added at all) ` +
    `and importance ('warn' or 'fail': forced on every check).`,
  badDataQualityEnabled: (value: unknown) =>
    `withDataQuality: enabled must be true (checks run) or false (no check is added), got ${show(value)}. Leave it out to keep checks on.`,
  badDataQualityImportance: (value: unknown) =>
    `withDataQuality: importance must be 'warn' (every failed check is logged and the run goes on) or 'fail' ` +
    `(every failed check raises DataValidationError), got ${show(value)}. Leave it out (or set it to undefined) to keep each check's own importance.`,
  badCache: (s: unknown) =>
    `withCache takes { dir, defaultBehavior? } with dir a non-empty folder path and defaultBehavior one of 'default', 'recompute', 'disable'; got ${show(s)}. ` +
    `Use e.g. withCache({ dir: '.hamilton-cache' }).`,
  noExtension: (name: string) =>
    `The Builder has a ${q(name)} setting, but nothing implements it in this process. Import the Builder from 'hamilton-ts' (the package entry registers it).`,
};

/**
 * What a builder argument is, for messages: classes and functions by name,
 * instances by class, other objects by their built-in type, values as `show` gives them.
 */
function describeArgument(v: unknown): string {
  if (typeof v === 'function') {
    const name = showValue(v).replace(/^function /, '');
    let isClass = false;
    try {
      isClass = /^class\b/.test(Function.prototype.toString.call(v));
    } catch {
      // a revoked Proxy of a function: shown as a function
    }
    return `${isClass ? 'class' : 'function'} ${name}`;
  }
  if (v === null || typeof v !== 'object') return show(v);
  const cls = className(v);
  if (cls) return `an instance of ${cls}`;
  const type = typeName(v);
  return type === 'Object' ? `the object ${show(v)}` : `the ${type} object`;
}

const article = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

export const inputKindMessages = {
  wrongKinds: (problems: readonly { input: string; kind: string; actual: string; value: unknown; readers: readonly { name: string; origin: string | undefined }[] }[]) =>
    `${problems.length === 1 ? 'An input is' : `${problems.length} inputs are`} not of the kind the nodes reading ${problems.length === 1 ? 'it' : 'them'} declare (withInputChecks):\n` +
    problems
      .map((p) => `  - ${q(p.input)} is ${article(p.actual)} (${show(p.value)}), but ${p.readers.map((r) => at(r.name, r.origin)).join(', ')} ${p.readers.length === 1 ? 'reads' : 'read'} it as ${article(p.kind)}`)
      .join('\n') +
    `\nPass ${problems.length === 1 ? 'a value' : 'values'} of the declared kind, or fix the kinds given to withInputChecks.`,
  notAnObject: (kinds: unknown) => `withInputChecks takes an object of input name -> kind (e.g. { spend: 'column' }), got ${show(kinds)}.`,
  unknownKind: (input: string, kind: unknown, kinds: readonly string[]) =>
    `withInputChecks: input ${q(input)} has kind ${show(kind)}, which is not one of ${kinds.map((k) => `'${k}'`).join(', ')}. Use one of those.`,
};

export const materializeMessages = {
  notAMaterializer: (k: number, m: unknown) =>
    `materialize(...): argument ${k} is ${show(m)}, not a materializer. Pass to.csv({ id, dependencies, path }) or from.csv({ target, path }) ` +
    `(or to(format, ...) / from(format, ...)), and the options ({ inputs, overrides, additionalVars }) last.`,
  badAdditionalVars: (v: unknown) => `materialize(..., { additionalVars }): additionalVars must be a list of node names, got ${show(v)}.`,
  nothingRequested: () =>
    'materialize(...) was given no saver (to.csv(...) ...) and no additionalVars, so there is nothing to compute. Add a saver, or list nodes in { additionalVars }.',
  idTwice: (id: string) => `materialize(...): two materializers use the id ${q(id)}. Give each saver its own id, and load each target once.`,
  idTaken: (id: string, origin: string | undefined, fromConfig: boolean) =>
    `materialize(...): saver id ${q(id)} is already ${fromConfig ? 'a config key' : origin ? `a node of the graph (${origin})` : 'an input of the graph'}. ` +
    `Choose another id, e.g. ${q(`${id}Saved`)}.`,
  nodeTaken: (id: string, name: string, origin: string | undefined) =>
    `materialize(...): materializer ${q(id)} adds node ${q(name)}, which is already ${origin ? `a node of the graph (${origin})` : 'in the graph'}. Choose another id.`,
  loadsConfig: (id: string) =>
    `materialize(...): from(...) targets ${q(id)}, which is a config key; config values cannot be loaded. Load into a node or an input instead.`,
  notRebuildable: () =>
    'This driver has nodes added after the build (withNodes), which its module files do not define, so another process cannot rebuild it. Run it in process.',
};
