/**
 * A graph's source: where its module classes are defined (file URL and class
 * name) and its config. It is plain data, so a worker thread, another process or
 * a cache can rebuild the same graph from it (see rebuild.ts).
 */
import { LinkError } from '../errors.js';
import { sourceMessages } from '../messages.js';
import { moduleUrlOf } from '../record/metadata.js';
import type { Config, DataQualitySettings } from '../resolve/modifiers.js';
import type { ModuleEntry } from '../resolve/link.js';

/** Where one module class is defined. */
export interface ModuleSource {
  /** File URL of the module file that defines (and exports) the class. */
  readonly url: string;
  /** The class's name; the file must export it (under this name, or any name). */
  readonly className: string;
}

/**
 * What rebuilds a graph: its modules, in order, and its config (structured-cloneable).
 *
 * @example
 * const source: GraphSource = { modules: [{ url: 'file:///app/features.ts', className: 'Marketing' }], config: { region: 'us' } };
 */
export interface GraphSource {
  readonly modules: readonly ModuleSource[];
  readonly config: Config;
  /** Builder settings that change the graph; absent: the Builder's defaults. */
  readonly settings?: GraphSourceSettings;
}

/**
 * The Builder settings a rebuilt graph needs to have the same nodes.
 *
 * @example
 * const settings: GraphSourceSettings = { dataQuality: { enabled: false }, allowModuleOverrides: true };
 */
export interface GraphSourceSettings {
  readonly dataQuality?: DataQualitySettings;
  readonly allowModuleOverrides?: boolean;
}

/**
 * The source of a build's modules; a LinkError naming the class when one
 * cannot be found again (given as an instance, or its file is not known).
 *
 * @example
 * graphSourceOf(entries, config).modules[0]!.url;
 */
export function graphSourceOf(entries: readonly ModuleEntry[], config: Config, settings?: GraphSourceSettings): GraphSource {
  const modules = entries.map((e) => {
    if (e.givenInstance) throw new LinkError(sourceMessages.instanceModule(e.name));
    const url = moduleUrlOf(e.cls);
    if (!url) throw new LinkError(sourceMessages.unknownFile(e.name));
    return Object.freeze({ url, className: e.name });
  });
  return Object.freeze(settings ? { modules: Object.freeze(modules), config, settings } : { modules: Object.freeze(modules), config });
}
