/**
 * Messages of the function modifiers in lib/decorators: each names the method
 * (`Class.method`), the decorator, the culprit and what to do.
 */
import { q } from '../core/message-format.js';

export const bindMessages = {
  unknownParameters: (origin: string, decorator: string, unknown: readonly string[], params: readonly string[]) =>
    `${decorator} on ${origin} binds ${unknown.map(q).join(', ')}, which ${unknown.length === 1 ? 'is not a parameter' : 'are not parameters'} ` +
    `of the method (its parameters: ${params.map(q).join(', ') || 'none'}). Fix the parameter names.`,
  missingConfiguration: (origin: string, decorator: string, param: string, key: string, keys: readonly string[]) =>
    `${decorator} on ${origin} reads parameter ${q(param)} from config key ${q(key)}, which the config lacks ` +
    `(config keys: ${keys.map(q).join(', ') || 'none'}). Add it with withConfig({ ${key}: ... }).`,
};
