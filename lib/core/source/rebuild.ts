/**
 * Rebuilds a graph from its source in this process: imports each module file,
 * finds the class, and returns a Builder with the same modules and config.
 * Worker threads, remote workers and caches start here.
 */
import { Builder } from '../builder.js';
import { LinkError } from '../errors.js';
import { sourceMessages } from '../messages.js';
import type { GraphSource, ModuleSource } from './graph-source.js';

/**
 * A Builder holding the source's modules and config; add executors, hooks or
 * result builders, then `build()`.
 *
 * @example
 * const dr = (await builderFromSource(source)).build();
 * await dr.execute(['spendPerSignup'], { inputs });
 */
export async function builderFromSource(source: GraphSource): Promise<Builder> {
  const classes = await Promise.all(source.modules.map(loadClass));
  const builder = new Builder().withModules(...classes).withConfig(source.config);
  const settings = source.settings;
  if (settings?.dataQuality) builder.withDataQuality(settings.dataQuality);
  if (settings?.allowModuleOverrides) builder.allowModuleOverrides();
  return builder;
}

/**
 * The class a ModuleSource names: the export of that name, or the one exported class with that name.
 *
 * @example
 * const Marketing = await loadClass({ url: 'file:///app/features.ts', className: 'Marketing' });
 */
export async function loadClass(m: ModuleSource): Promise<Function> {
  let ns: Record<string, unknown>;
  try {
    ns = (await import(m.url)) as Record<string, unknown>;
  } catch (e) {
    throw new LinkError(sourceMessages.cannotImport(m.url, m.className, e), { cause: e });
  }
  const named = ns[m.className];
  if (typeof named === 'function') return named;
  for (const v of Object.values(ns)) if (typeof v === 'function' && v.name === m.className) return v;
  throw new LinkError(sourceMessages.notExported(m.url, m.className, Object.keys(ns)));
}
