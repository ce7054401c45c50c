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
