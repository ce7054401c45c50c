/**
 * The Builder's argument checks: each setting is checked when it is given, and
 * a bad one is an InvalidInputsError that names the setting and says what is
 * allowed, instead of a setting that silently does something else.
 */
import type { Logger } from 'pino';
import { InvalidInputsError } from './errors.js';
import { builderMessages } from './messages.js';
import { checkInputName } from './names.js';
import type { Config, DataQualitySettings } from './resolve/modifiers.js';
import { HOOK_EVENTS, type LifecycleHooks } from './run/hooks.js';
import { isPlainObject } from './values.js';

/**
 * The data-quality settings after `withDataQuality(given)`: `enabled` must be
 * true or false when given; `importance` 'warn' or 'fail', or undefined to
 * keep each check's own importance; no other key.
 *
 * @example
 * dataQualitySettings({ enabled: true }, { importance: 'warn' }); // { enabled: true, importance: 'warn' }
 */
export function dataQualitySettings(current: DataQualitySettings, given: unknown): DataQualitySettings {
  if (!isPlainObject(given)) throw new InvalidInputsError(builderMessages.badDataQuality(given));
  const next: { enabled: boolean; importance?: 'warn' | 'fail' } = { enabled: current.enabled };
  if (current.importance !== undefined) next.importance = current.importance;
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (key === 'enabled') {
      if (typeof value !== 'boolean') throw new InvalidInputsError(builderMessages.badDataQualityEnabled(value));
      next.enabled = value;
    } else if (key === 'importance') {
      if (value === undefined) delete next.importance;
      else if (value === 'warn' || value === 'fail') next.importance = value;
      else throw new InvalidInputsError(builderMessages.badDataQualityImportance(value));
    } else {
      throw new InvalidInputsError(builderMessages.unknownDataQualitySetting(key));
    }
  }
  return next;
}

/**
 * Checks a config object: a plain object whose keys hold no control character.
 *
 * @example
 * checkConfig({ region: 'us' });
 */
export function checkConfig(config: unknown): asserts config is Config {
  if (!isPlainObject(config)) throw new InvalidInputsError(builderMessages.badConfig(config));
  for (const key of Object.keys(config)) checkInputName(key, 'withConfig', 'config key');
}

/**
 * Checks a lifecycle hook: an object with at least one hook method, and no
 * hook event key that is not a function.
 *
 * @example
 * checkHook({ afterNodeExecute() {} }, 0);
 */
export function checkHook(hook: unknown, index: number): asserts hook is LifecycleHooks {
  if (hook === null || typeof hook !== 'object') throw new InvalidInputsError(builderMessages.badHook(hook));
  let found = false;
  for (const event of HOOK_EVENTS) {
    const method = read(hook, event, () => builderMessages.badHook(hook));
    if (method === undefined) continue;
    if (typeof method !== 'function') throw new InvalidInputsError(builderMessages.badHookMethod(hook, event, method));
    found = true;
  }
  if (!found) throw new InvalidInputsError(builderMessages.hookWithoutEvents(hook, HOOK_EVENTS, index));
}

/** A property of a foreign object; a throwing getter or a revoked Proxy is an InvalidInputsError. */
function read(o: object, key: string, message: () => string): unknown {
  try {
    return (o as Record<string, unknown>)[key];
  } catch {
    throw new InvalidInputsError(message());
  }
}

const LOGGER_METHODS = ['info', 'warn', 'error', 'isLevelEnabled'] as const;

/**
 * Checks a logger: a pino logger, or anything with the methods the driver calls.
 *
 * @example
 * checkLogger(pino({ level: 'info' }));
 */
export function checkLogger(logger: unknown): asserts logger is Logger {
  const message = () => builderMessages.badLogger(logger);
  const ok = logger !== null && typeof logger === 'object' && LOGGER_METHODS.every((m) => typeof read(logger, m, message) === 'function');
  if (!ok) throw new InvalidInputsError(message());
}
