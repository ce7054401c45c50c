/**
 * Registers the cache behind `Builder.withCache`: the package entry imports
 * this file, so lib/core never imports lib/platform.
 */
import { registerBuildExtension } from '../../core/build-extensions.js';
import type { CacheSettings } from '../../core/cache-settings.js';
import { CacheHook } from './cache-hook.js';

registerBuildExtension<CacheSettings>('cache', (settings, built) => new CacheHook(settings, built));
