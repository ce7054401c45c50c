/**
 * Checking the options object a built-in hook is constructed with.
 */
import { InvalidInputsError } from '../../core/errors.js';
import { isPlainObject } from '../../core/values.js';
import { hookOptionMessages } from '../messages.js';

/**
 * The options given to `hook`, or `{}`; an InvalidInputsError for anything
 * but a plain object, or for a key the hook does not know (a typo would
 * otherwise be ignored silently).
 *
 * @example
 * const { maxRuns = 20 } = hookOptions('TimingProfile', options, ['maxRuns']);
 */
export function hookOptions<T extends object>(hook: string, options: T | undefined, known: readonly (keyof T & string)[]): T {
  if (options === undefined) return {} as T;
  if (!isPlainObject(options as unknown)) throw new InvalidInputsError(hookOptionMessages.badOptions(hook, options));
  for (const key of Object.keys(options)) {
    if (!(known as readonly string[]).includes(key)) throw new InvalidInputsError(hookOptionMessages.unknownOption(hook, key, known));
  }
  return options;
}
