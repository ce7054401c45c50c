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
  unreadableParameters: (method: string, reason: string, text: string) =>
    `@node on method ${q(method)}(${text}): cannot read its inputs from ${reason} parameters. ` +
    `Use plain named parameters, or name the inputs explicitly: @node({ inputs: ['a', 'b'] }).`,
  modifierWithoutNode: (origin: string, decorators: string) =>
    `${origin} has ${decorators} but no @node(): only @node methods are nodes. Add @node() to ${origin}, or remove ${decorators}.`,
  cannotInstantiate: (cls: string, e: unknown) =>
    `Module class ${cls || '(anonymous)'} could not be instantiated with no arguments (${errorText(e)}). ` +
    `Pass an instance instead: withModules(new ${cls || 'MyClass'}(...)).`,
  notAModule: (m: unknown) => `withModules takes classes or instances, got ${show(m)}.`,
  nodeTwice: (origin: string) => `${origin} has @node twice. Keep one @node(...) per method.`,
  twoExpanders: (origin: string, decorators: readonly string[]) =>
    `${origin} has ${decorators.join(' and ')}: a method can have only one decorator that makes several nodes. Split it into two methods.`,
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
      const who = needers.map((n) => at(n, graph.node(n)?.definition?.origin)).join(', ');
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
  inputIsConfig: (name: string) =>
    `Input ${q(name)} is also a config key: a value must come from one place. Remove it from inputs, or from withConfig.`,
  inputIsNode: (name: string, origin: string | undefined) =>
    `Input ${q(name)} is computed by node ${at(name, origin)}, so it cannot be an input. To replace the node's value, pass it in overrides instead.`,
  unknownNames: (names: readonly string[], suggestions: Readonly<Record<string, readonly string[]>>) =>
    `Unknown node${names.length > 1 ? 's' : ''}: ` +
    names.map((n) => (suggestions[n]?.length ? `${q(n)} (did you mean ${suggestions[n]!.map(q).join(' or ')}?)` : q(n))).join(', ') +
    `. Check the spelling, or list the nodes with listAvailableVariables().`,
};

export const runMessages = {
  badConcurrency: (max: unknown) =>
    `LocalExecutor: maxConcurrency must be a whole number of at least 1, got ${show(max)}. Use e.g. new LocalExecutor({ maxConcurrency: 16 }).`,
  nodeFailed: (name: string, origin: string | undefined, error: unknown) =>
    `Node ${at(name, origin)} failed: ${errorText(error)}. The original error is the cause; fix ${origin ?? 'the function'} or its inputs.`,
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
};

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
