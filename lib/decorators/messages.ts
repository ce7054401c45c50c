/**
 * Messages of the function modifiers in lib/decorators: each names the method
 * (`Class.method`), the decorator, the culprit and what to do.
 */
import { errorText, q, show } from '../core/message-format.js';

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
