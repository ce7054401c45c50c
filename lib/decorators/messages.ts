/**
 * Messages of the function modifiers in lib/decorators: each names the method
 * (`Class.method`), the decorator, the culprit and what to do.
 */
import { at, errorMessage, errorText, q, show } from '../core/message-format.js';

export const bindMessages = {
  unknownParameters: (origin: string, decorator: string, unknown: readonly string[], params: readonly string[]) =>
    `${decorator} on ${origin} binds ${unknown.map(q).join(', ')}, which ${unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} ` +
    `of the method (its parameters: ${params.map(q).join(', ') || 'none'}). Fix the parameter names.`,
  missingConfiguration: (origin: string, decorator: string, param: string, key: string, keys: readonly string[]) =>
    `${decorator} on ${origin} reads parameter ${q(param)} from config key ${q(key)}, which the config lacks ` +
    `(config keys: ${keys.map(q).join(', ') || 'none'}). Add it with withConfig({ ${key}: ... }).`,
};

export const optionMessages = {
  missingDependency: (origin: string, decorator: string, dep: string, deps: readonly string[]) =>
    `${decorator}('${dep}') on ${origin}: the method has no parameter ${q(dep)} (its parameters: ${deps.map(q).join(', ') || 'none'}). ` +
    `Name the parameter that receives the gathered values.`,
  badCollect: (name: unknown) => `@collect takes the name of the parameter to gather, got ${show(name)}. Use @collect('wordCount').`,
  noContextParameter: (method: string) =>
    `@node({ context: true }) on method ${q(method)}: the method has no parameter to receive the NodeContext. Add one as its last parameter, e.g. (spend, ctx).`,
  badCache: (method: string, options: unknown) =>
    `@cache on method ${q(method)} takes { behavior?: 'default' | 'recompute' | 'disable' }, got ${show(options)}. Use e.g. @cache({ behavior: 'recompute' }).`,
  badTimeout: (method: string, value: unknown) =>
    `@node on method ${q(method)}: timeoutMs must be a positive number of milliseconds, got ${show(value)}.`,
};

/** A config value as the user wrote it: strings in single quotes, anything else as JSON. */
const literal = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : v === undefined ? 'undefined' : show(v));
const listOf = (vs: unknown): string => `[${(vs as readonly unknown[]).map(literal).join(', ')}]`;
const CONDITION: Record<string, (key: string, wanted: unknown) => string> = {
  when: (k, w) => `${k} = ${literal(w)}`,
  whenNot: (k, w) => `${k} != ${literal(w)}`,
  whenIn: (k, w) => `${k} in ${listOf(w)}`,
  whenNotIn: (k, w) => `${k} not in ${listOf(w)}`,
};

export const configMessages = {
  /** Read after the method's origin: "Features.foo__a needs config mode = 'a' (config has mode = 'c')". */
  absent: (test: string, failed: readonly string[], conditions: Readonly<Record<string, unknown>>, config: Readonly<Record<string, unknown>>) =>
    `needs config ${failed.map((k) => CONDITION[test]!(k, conditions[k])).join(' and ')} (config has ` +
    failed.map((k) => (Object.prototype.hasOwnProperty.call(config, k) ? `${k} = ${literal(config[k])}` : `no ${k}`)).join(', ') +
    ')',
  badConditions: (decorator: string, method: string, lists: boolean, got: unknown) =>
    `${decorator} on method ${q(method)} takes an object of config keys and ${lists ? 'lists of values' : 'values'}, ` +
    `e.g. ${decorator}({ region: ${lists ? "['us', 'uk']" : "'us'"} }), got ${show(got)}.`,
  notAList: (decorator: string, method: string, key: string, got: unknown) =>
    `${decorator} on method ${q(method)}: config key ${q(key)} needs a non-empty list of values, got ${show(got)}. ` +
    `Write ${decorator}({ ${key}: ['a', 'b'] }).`,
  badVariantName: (decorator: string, method: string) =>
    `${decorator} on method ${q(method)}: a config variant is named \`node__variant\` and makes node \`node\`, ` +
    `so the name must not start or end with \`__\`. Rename the method (e.g. \`spend__us\`).`,
};

export const resolveMessages = {
  badOptions: (method: string, got: unknown) =>
    `@resolve on method ${q(method)} takes { when: 'configAvailable', decorateWith: (config) => decorator }, got ${show(got)}.`,
  badWhen: (method: string, when: unknown) =>
    `@resolve on method ${q(method)}: when must be 'configAvailable' (decorators are chosen when the graph is built), got ${show(when)}.`,
  threw: (origin: string, e: unknown) =>
    `@resolve on ${origin}: decorateWith threw ${errorText(e)}. The original error is the cause; ` +
    `make decorateWith work with this config (check the config keys it reads).`,
  notADecorator: (origin: string, got: unknown) =>
    `@resolve on ${origin}: decorateWith must return a decorator such as tag({...}) or parameterize({...}) (or a list of them), got ${show(got)}.`,
  notAModifier: (origin: string, kind: string) =>
    `@resolve on ${origin}: decorateWith returned a decorator that records ${q(kind)}; it can only choose function modifiers ` +
    `(the method already has its @node). Return a modifier such as tag({...}) or parameterize({...}).`,
};

const DEPENDENCY_KINDS = 'value(...), source(...), configuration(...) or group(...)';

export const parameterizeMessages = {
  cannotRebind: (origin: string, decorator: string, node: string) =>
    `${decorator} on ${origin} binds parameters of node ${q(node)}, which another decorator made from a framework operation, ` +
    `not from a function with parameters. These decorators cannot be combined; split the method in two.`,
  notAnObject: (decorator: string, method: string, what: string, example: string, got: unknown) =>
    `${decorator} on method ${q(method)} takes ${what}, e.g. ${example}, got ${show(got)}.`,
  empty: (decorator: string, method: string, example: string) =>
    `${decorator} on method ${q(method)} makes no node: give it at least one output, e.g. ${example}.`,
  nothingToInject: (method: string) =>
    `@inject on method ${q(method)} fills no parameter. Map at least one, e.g. @inject({ parts: group(source('a'), source('b')) }), or remove it.`,
  emptyName: (decorator: string, method: string) => `${decorator} on method ${q(method)}: an output name is empty. Give every output a name.`,
  notADependency: (decorator: string, method: string, output: string | undefined, param: string, got: unknown) =>
    `${decorator} on method ${q(method)}${output === undefined ? '' : `, output ${q(output)}`}: parameter ${q(param)} ` +
    `must be given as ${DEPENDENCY_KINDS}, got ${show(got)}. Wrap a literal in value(...) and a node name in source(...).`,
  notANodeName: (decorator: string, method: string, output: string, param: string, got: unknown) =>
    `${decorator} on method ${q(method)}, output ${q(output)}: parameter ${q(param)} must name a node (a non-empty string), got ${show(got)}.`,
  emptySources: (decorator: string, method: string, output: string) =>
    `${decorator} on method ${q(method)}: output ${q(output)} maps no parameter. Map at least one, e.g. { ${output}: { x: 'otherNode' } }.`,
  badParameter: (decorator: string, method: string, got: unknown) =>
    `${decorator} on method ${q(method)}: the first argument names the parameter to fill, got ${show(got)}. Write ${decorator}('param', { out: 1 }).`,
  badDocs: (decorator: string, method: string, got: unknown) =>
    `${decorator} on method ${q(method)}: docs must map output names to strings, got ${show(got)}.`,
  unknownDocs: (decorator: string, method: string, unknown: readonly string[], outputs: readonly string[]) =>
    `${decorator} on method ${q(method)}: docs name ${unknown.map(q).join(', ')}, which ${unknown.length === 1 ? 'is not an output' : 'are not outputs'} ` +
    `(outputs: ${outputs.map(q).join(', ')}). Fix the names in docs.`,
  reservedParameter: (decorator: string, origin: string) =>
    `${decorator} on ${origin}: the method has a parameter named \`outputName\`, which docs use as the placeholder for the output's name. Rename the parameter.`,
};

export const doesMessages = {
  notAFunction: (method: string, got: unknown) =>
    `@does on method ${q(method)} takes the function that computes the node, got ${show(got)}. Write @does(myFunction).`,
};

/** Messages of the extracting modifiers (`@extractColumns`, `@extractFields`, `@unpackFields`, `@parameterizeExtractColumns`, `@withColumns`). */
export const extractMessages = {
  // When the class is defined: the method is known by name only.
  noNames: (decorator: string, method: string, example: string) =>
    `${decorator} on method ${q(method)}: give at least one output name, e.g. ${example}.`,
  listGiven: (decorator: string, method: string) =>
    `${decorator} on method ${q(method)} got a list of names; spread it: ${decorator}(...names).`,
  badName: (decorator: string, method: string, name: unknown) =>
    `${decorator} on method ${q(method)}: output names must be non-empty strings, got ${show(name)}.`,
  duplicateName: (decorator: string, method: string, name: string) =>
    `${decorator} on method ${q(method)} names output ${q(name)} twice. Name each output once.`,
  badOptions: (decorator: string, method: string, options: unknown, keys: readonly string[]) =>
    `${decorator} on method ${q(method)}: unknown options ${show(options)}. Options are ${keys.map(q).join(', ')}.`,
  fieldsNotGiven: (method: string, fields: unknown) =>
    `@extractFields on method ${q(method)} takes an object of field types ({ a: 'number', b: 'string' }) or a list of field names (['a', 'b']), got ${show(fields)}.`,
  badFieldType: (method: string, field: string, type: unknown, types: readonly string[]) =>
    `@extractFields on method ${q(method)}: field ${q(field)} has type ${show(type)}, which is not a field type. Use one of ${types.map(q).join(', ')}.`,
  // When the graph is built: `Class.method` is known.
  nameIsNode: (decorator: string, origin: string, name: string) =>
    `${decorator} on ${origin}: output ${q(name)} has the name of a node the method itself makes, which stays in the graph (the outputs read it). ` +
    `Rename the output, or give the method's node another name with @node({ name }).`,
  // When the node runs.
  notATable: (decorator: string, node: string, origin: string | undefined, got: string) =>
    `Node ${at(node, origin)} gave ${got}, but ${decorator} takes columns out of an arquero table. Return a table from ${origin ?? q(node)}.`,
  missingColumn: (decorator: string, column: string, node: string, origin: string | undefined, has: readonly string[]) =>
    `Node ${at(node, origin)} has no column ${q(column)} for ${decorator} (its columns: ${has.map(q).join(', ') || 'none'}). ` +
    `Return a table with a column ${q(column)}, or pass { fillWith } to fill missing columns.`,
  columnCount: (node: string, origin: string | undefined, has: readonly string[], outputs: readonly string[]) =>
    `Node ${at(node, origin)} gave a table of ${has.length} columns (${has.map(q).join(', ') || 'none'}), but @parameterizeExtractColumns ` +
    `names ${outputs.length} outputs (${outputs.map(q).join(', ')}) for its columns in order. Return exactly ${outputs.length} columns, ` +
    `or pass { reassignColumns: false } to take the columns by name.`,
  notAnObject: (node: string, origin: string | undefined, got: string) =>
    `Node ${at(node, origin)} gave ${got}, but @extractFields takes fields out of a plain object. Return an object from ${origin ?? q(node)}.`,
  missingField: (field: string, node: string, origin: string | undefined, has: readonly string[]) =>
    `Node ${at(node, origin)} has no field ${q(field)} for @extractFields (its fields: ${has.map(q).join(', ') || 'none'}). ` +
    `Return an object with a field ${q(field)}, or pass { fillWith } to fill missing fields.`,
  wrongType: (field: string, node: string, origin: string | undefined, type: string, got: string) =>
    `Field ${q(field)} of node ${at(node, origin)} must be ${type === 'any' ? 'present' : `of type ${q(type)}`} for @extractFields, but it is ${got}. ` +
    `Return a value of that type as ${q(field)}, or declare the field with another type ('any' takes everything).`,
  notATuple: (node: string, origin: string | undefined, got: string) =>
    `Node ${at(node, origin)} gave ${got}, but @unpackFields takes the positions of an array (a tuple). Return an array from ${origin ?? q(node)}.`,
  missingPosition: (name: string, index: number, node: string, origin: string | undefined, length: number) =>
    `Node ${at(node, origin)} gave an array of ${length} values, but @unpackFields takes output ${q(name)} from position ${index}. ` +
    `Return at least ${index + 1} values, or unpack fewer names.`,
};

/** Messages of `@parameterizeExtractColumns`. */
export const parameterizeExtractMessages = {
  noExtracts: (method: string) =>
    `@parameterizeExtractColumns on method ${q(method)}: give at least one { outputs: [...], inputs: { param: source('x') | value(v) } }.`,
  badExtract: (method: string, k: number, got: unknown) =>
    `@parameterizeExtractColumns on method ${q(method)}: argument ${k} must be { outputs: ['a', 'b'], inputs?: { param: source('x') | value(v) } }, got ${show(got)}.`,
  badInput: (method: string, k: number, param: string, got: unknown) =>
    `@parameterizeExtractColumns on method ${q(method)}: argument ${k} binds parameter ${q(param)} to ${show(got)}. ` +
    `Use value(x), source('node'), configuration('key') or group(...).`,
};

/** Messages of `@withColumns`. */
export const withColumnsMessages = {
  noModules: (method: string) =>
    `@withColumns on method ${q(method)}: give the classes whose @node methods compute the columns, then the options, ` +
    `e.g. @withColumns(Features, { columnsToPass: ['a'], select: ['aPlusOne'] }).`,
  notAClass: (method: string, got: unknown) =>
    `@withColumns on method ${q(method)}: modules must be classes with @node methods, got ${show(got)}.`,
  noOptions: (method: string) =>
    `@withColumns on method ${q(method)}: the last argument must be the options, e.g. { columnsToPass: ['a'], select: ['aPlusOne'] }.`,
  oneSource: (method: string, given: readonly string[]) =>
    `@withColumns on method ${q(method)}: give exactly one of ${q('columnsToPass')}, ${q('onInput')} and ${q('passDataframeAs')} ` +
    `(${given.length ? `got ${given.map(q).join(' and ')}` : 'got none'}): columnsToPass extracts those columns for the modules, ` +
    `onInput and passDataframeAs hand them the table itself.`,
  badList: (method: string, key: string, got: unknown) =>
    `@withColumns on method ${q(method)}: ${q(key)} must be a non-empty list of distinct non-empty strings, got ${show(got)}.`,
  badString: (method: string, key: string, got: unknown) =>
    `@withColumns on method ${q(method)}: ${q(key)} must be a non-empty string, got ${show(got)}.`,
  noParameter: (origin: string) =>
    `@withColumns on ${origin}: the method has no parameter to take the table from. Give it the table as first parameter, or name it with onInput.`,
  notAParameter: (origin: string, name: string, params: readonly string[]) =>
    `@withColumns on ${origin}: onInput ${q(name)} is not a parameter of the method (its parameters: ${params.map(q).join(', ') || 'none'}). Name the table parameter.`,
  unknownSelect: (origin: string, unknown: readonly string[], names: readonly string[]) =>
    `@withColumns on ${origin} selects ${unknown.map(q).join(', ')}, which the modules do not make (they make ${names.map(q).join(', ') || 'nothing'}). Fix select.`,
  passedIsNode: (origin: string, names: readonly string[]) =>
    `@withColumns on ${origin} passes column${names.length > 1 ? 's' : ''} ${names.map(q).join(', ')} from the table, but the modules also make ` +
    `${names.length > 1 ? 'nodes' : 'a node'} of that name. Passed columns can only be read; to replace a column, use onInput and extract it in a module.`,
  twice: (origin: string, name: string, origins: readonly (string | undefined)[]) =>
    `@withColumns on ${origin}: the modules make node ${q(name)} twice (${origins.map((o) => o ?? 'unknown').join(' and ')}). Rename one of them.`,
  parameterNotATable: (param: string, origin: string | undefined, got: string) =>
    `Parameter ${q(param)} of ${origin ?? 'the method'} is ${got}, but @withColumns takes columns out of an arquero table. Pass a table as ${q(param)}.`,
  parameterMissingColumn: (param: string, origin: string | undefined, column: string, has: readonly string[]) =>
    `Parameter ${q(param)} of ${origin ?? 'the method'} has no column ${q(column)} for @withColumns (its columns: ${has.map(q).join(', ') || 'none'}). ` +
    `Pass a table with a column ${q(column)}, or leave it out of columnsToPass.`,
  appendNotAColumn: (node: string, origin: string | undefined, column: string, got: string) =>
    `Node ${at(node, origin)} appends ${q(column)} to the table, but ${q(column)} gave ${got}, not a column (Array or typed array). Select only nodes that make columns.`,
  appendLength: (node: string, origin: string | undefined, column: string, length: number, rows: number) =>
    `Node ${at(node, origin)} appends ${q(column)} of ${length} values to a table of ${rows} rows. Make ${q(column)} one value per row.`,
};

// Pipes (step, pipeInput, pipeOutput, mutate) and subdags.

const m = (method: string) => `method ${q(method)}`;
const list = (names: readonly string[]) => names.map(q).join(', ') || 'none';

export const stepMessages = {
  notAFunction: (fn: unknown) => `step() takes a function as its first argument, got ${show(fn)}. Pass the function itself: step(scale, { factor: value(2) }).`,
  badBindings: (where: string, bindings: unknown) =>
    `${where}: bindings must be an object of parameter name -> value(x), source('node') or a literal, got ${show(bindings)}.`,
  badOptions: (options: unknown) => `step(): options must be an object such as { inputs: ['x', 'factor'] }, got ${show(options)}.`,
  badApplyTo: (target: unknown) => `applyTo() takes the name of a method or node of the same class, got ${show(target)}.`,
  badCondition: (test: string, conditions: unknown) =>
    `step().${test}() takes a non-empty object of config key -> value, got ${show(conditions)}. Example: .${test}({ mode: ${test.endsWith('In') ? "['a', 'b']" : "'a'"} }).`,
  notAList: (test: string, key: string, values: unknown) => `step().${test}(): key ${q(key)} needs a list of values, got ${show(values)}. Example: .${test}({ ${key}: ['a', 'b'] }).`,
  badName: (where: string, name: unknown) =>
    `${where} must be a non-empty string without dots (dots separate namespaces), got ${show(name)}. Use e.g. 'scaled'.`,
  badTarget: (target: unknown) => `step().onOutput() takes a node name, a list of names or 'all', got ${show(target)}.`,
  noSteps: (decorator: string, method: string) => `${decorator} on ${m(method)} has no steps. Give it at least one: ${decorator}(step(fn)).`,
  notAStep: (decorator: string, method: string, k: number, s: unknown) =>
    `${decorator} on ${m(method)}: argument ${k + 1} is ${show(s)}, not a step. Wrap the function with step(fn, bindings)` +
    `${decorator === '@mutate' ? '' : ' (applyTo() placeholders are only for @mutate)'}, and give options last.`,
  anonymous: (decorator: string, method: string) =>
    `${decorator} on ${m(method)}: a step's function has no name to make its node name from. Name it with .named('name'), or pass a named function.`,
  twoNamespaces: (decorator: string, method: string, fn: string) =>
    `${decorator} on ${m(method)}: step ${q(fn)} sets its own namespace with .named(), and ${decorator} sets one for every step. Set it in one place.`,
  nameTwice: (decorator: string, method: string, name: string) =>
    `${decorator} on ${m(method)}: two steps are named ${q(name)}. Give each step its own name.`,
  noParameters: (decorator: string, where: string, fn: string) =>
    `${decorator} on ${where}: ${q(fn)} has no parameters, so it cannot receive the piped value. Give it a first parameter for the value.`,
  bindsPiped: (decorator: string, where: string, fn: string, param: string) =>
    `${decorator} on ${where}: the bindings of ${q(fn)} set ${q(param)}, its first parameter, which receives the piped value. Bind only the other parameters.`,
  unknownBindings: (decorator: string, where: string, fn: string, unknown: readonly string[], params: readonly string[]) =>
    `${decorator} on ${where}: the bindings of ${q(fn)} name ${list(unknown)}, which ${unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} ` +
    `of ${q(fn)} (its parameters: ${list(params)}). Fix the names.`,
};

export const pipeMessages = {
  badOnInput: (decorator: string, onInput: unknown) => `${decorator}: onInput must be a parameter name, got ${show(onInput)}.`,
  badOnOutput: (onOutput: unknown) => `@pipeOutput: onOutput must be a node name, a list of names or 'all', got ${show(onOutput)}.`,
  twoTargets: (method: string) =>
    `@pipeOutput on ${m(method)} sets onOutput, and some of its steps set .onOutput() too. Choose the targets in one place.`,
  noParameters: (decorator: string, origin: string, node: string) =>
    `${decorator} on ${origin}: node ${q(node)} has no parameters, so there is no input to pipe. Give the method a parameter, or use @pipeOutput to pipe its output.`,
  firstNotADependency: (decorator: string, origin: string, node: string) =>
    `${decorator} on ${origin}: the first parameter of node ${q(node)} is bound to a value by another decorator, so there is no input to pipe. ` +
    `Choose a parameter that reads a node with ${decorator}(..., { onInput: 'name' }).`,
  unknownInput: (decorator: string, origin: string, node: string, input: string, names: readonly string[]) =>
    `${decorator} on ${origin}: onInput ${q(input)} is not an input of node ${q(node)} (its inputs: ${list(names)}). Name one of those.`,
  unknownOutput: (decorator: string, origin: string, unknown: readonly string[], names: readonly string[]) =>
    `${decorator} on ${origin}: onOutput ${list(unknown)} is not a node this method makes (it makes ${list(names)}). Name one of those.`,
};

export const mutateMessages = {
  noTargets: () => `@mutate needs at least one target: @mutate('nodeName'), or @mutate(applyTo('nodeName', { param: value(x) })).`,
  badTarget: (k: number, t: unknown) =>
    `@mutate: target ${k + 1} is ${show(t)}. Give the name of a method or node of the same class, or applyTo('name', bindings); bindings go last.`,
  badBindings: (b: unknown) => `@mutate: its last argument (the bindings) must be a plain object of parameter -> value(x) or source('n'), got ${show(b)}.`,
};

export const subdagMessages = {
  badOptions: (decorator: string, options: unknown) => `${decorator}: options must be an object ({ inputs, config, namespace, externalInputs }), got ${show(options)}.`,
  noModules: (decorator: string, method: string, modules: unknown) =>
    `${decorator} on ${m(method)} needs a non-empty list of module classes, got ${show(modules)}. Example: ${decorator}([Features], ...).`,
  notAModule: (decorator: string, method: string, k: number, module: unknown) =>
    `${decorator} on ${m(method)}: module ${k + 1} is ${show(module)}, not a class or an instance. List module classes.`,
  badInputs: (decorator: string, method: string, inputs: unknown) =>
    `${decorator} on ${m(method)}: inputs must be an object of name -> source('node') or value(x), got ${show(inputs)}.`,
  badInput: (decorator: string, method: string, key: string, d: unknown) =>
    `${decorator} on ${m(method)}: input ${q(key)} is ${show(d)}. Use source('outerNode') or value(literal).`,
  badConfig: (decorator: string, method: string, config: unknown) =>
    `${decorator} on ${m(method)}: config must be a plain object of key -> value, got ${show(config)}.`,
  badConfigValue: (decorator: string, method: string, key: string, d: unknown) =>
    `${decorator} on ${m(method)}: config ${q(key)} is ${show(d)}; config takes literals, value(x) or configuration('outerKey'). Use inputs for values of nodes.`,
  inputIsConfig: (decorator: string, method: string, keys: readonly string[]) =>
    `${decorator} on ${m(method)}: ${list(keys)} ${keys.length === 1 ? 'is' : 'are'} both an input and a config key. Give each value in one place: config when it selects implementations, inputs otherwise.`,
  badExternalInputs: (decorator: string, method: string, e: unknown) =>
    `${decorator} on ${m(method)}: externalInputs must be a list of parameter names, got ${show(e)}.`,
  badParameterization: (p: unknown) =>
    `@parameterizedSubdag needs a non-empty object of output name -> { inputs?, config?, externalInputs? }, got ${show(p)}.`,
  badEntry: (method: string, out: string, p: unknown) =>
    `@parameterizedSubdag on ${m(method)}: entry ${q(out)} must be an object { inputs?, config?, externalInputs? }, got ${show(p)}.`,
  missingConfiguration: (decorator: string, origin: string, key: string, outer: string, keys: readonly string[]) =>
    `${decorator} on ${origin}: config ${q(key)} reads outer config key ${q(outer)}, which the config lacks (config keys: ${list(keys)}). Add it with withConfig({ ${outer}: ... }).`,
  innerDuplicate: (decorator: string, origin: string, name: string, origins: readonly string[]) =>
    `${decorator} on ${origin}: node ${q(name)} is defined by two of its modules (${origins.join(' and ')}). Rename one, or embed the modules in separate subdags.`,
  unknownParameter: (decorator: string, origin: string, param: string, namespace: string, made: readonly string[]) =>
    `${decorator} on ${origin}: parameter ${q(param)} is read from the subdag (as ${q(`${namespace}.${param}`)}), which makes no node ${q(param)} ` +
    `(it makes ${list(made)}). Name one of its nodes, or list ${q(param)} in externalInputs to read it from outside the subdag.`,
};

export const ioDecoratorMessages = {
  badFormat: (decorator: string, method: string, format: unknown) =>
    `${decorator} on ${m(method)}: the first argument is the format's name ('csv', 'parquet' ...), got ${show(format)}. ` +
    `Write ${decorator}('csv', { path: value('data.csv') }) or ${decorator}.csv({ path: value('data.csv') }).`,
  unknownFormat: (decorator: string, origin: string, error: unknown) => `${decorator} on ${origin}: ${errorMessage(error)}`,
  badInject: (method: string, inject: unknown) =>
    `@loadFrom on ${m(method)}: inject must be the name of the parameter to load, got ${show(inject)}.`,
  noParameters: (decorator: string, origin: string) =>
    `${decorator} on ${origin}: the method has no parameters, and the loaded data is passed as one. Add a parameter (e.g. \`raw: ColumnTable\`).`,
  notRead: (decorator: string, origin: string, param: string, read: readonly string[]) =>
    `${decorator} on ${origin} loads parameter ${q(param)}, which no node of the method reads (they read ${list(read)}). ` +
    `Name one of them with { inject: '...' }.`,
  loadedTwice: (decorator: string, origin: string, param: string, loader: string) =>
    `${decorator} on ${origin}: parameter ${q(param)} is already loaded by ${q(loader)}. ` +
    `Give each @loadFrom its own parameter with { inject: 'param' }.`,
  badOutputName: (method: string, name: unknown) =>
    `@saveTo on ${m(method)}: outputName must be a non-empty node name, got ${show(name)}.`,
  outputNameForMany: (origin: string, name: string, targets: readonly string[]) =>
    `@saveTo on ${origin}: outputName ${q(name)} names one saver, but it saves ${list(targets)}. ` +
    `Choose one with { target: '...' }, or leave out outputName (each saver is then \`save.<node>\`).`,
  savedTwice: (origin: string, name: string) =>
    `@saveTo on ${origin}: two savers are named ${q(name)}. Give each @saveTo of the same node its own { outputName: '...' }.`,
  badTarget: (method: string, target: unknown) =>
    `@saveTo on ${m(method)}: target must be a node name, a list of names or 'all', got ${show(target)}.`,
};
