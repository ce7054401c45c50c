/**
 * Messages of the function modifiers in lib/decorators: each names the method
 * (`Class.method`), the decorator, the culprit and what to do.
 */
import { q, show } from '../core/message-format.js';

export const bindMessages = {
  unknownParameters: (origin: string, decorator: string, unknown: readonly string[], params: readonly string[]) =>
    `${decorator} on ${origin} binds ${unknown.map(q).join(', ')}, which ${unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} ` +
    `of the method (its parameters: ${params.map(q).join(', ') || 'none'}). Fix the parameter names.`,
  missingConfiguration: (origin: string, decorator: string, param: string, key: string, keys: readonly string[]) =>
    `${decorator} on ${origin} reads parameter ${q(param)} from config key ${q(key)}, which the config lacks ` +
    `(config keys: ${keys.map(q).join(', ') || 'none'}). Add it with withConfig({ ${key}: ... }).`,
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
