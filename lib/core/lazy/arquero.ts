/**
 * arquero, loaded on first use. Importing arquero costs more than the rest of
 * hamilton-ts together (about 0.1 s of module loading), and many dataflows
 * never build a table, so nothing imports it statically: code that needs it
 * awaits `loadArquero()` once, and synchronous code (TableResult.build) reads
 * `loadedArquero()` after that.
 */
import type * as Arquero from 'arquero';

/** The arquero module's namespace. */
export type ArqueroModule = typeof Arquero;

let loaded: ArqueroModule | undefined;
let loading: Promise<ArqueroModule> | undefined;

/**
 * Imports arquero (once per process) and returns its namespace.
 *
 * @example
 * const aq = await loadArquero();
 * aq.table({ a: [1, 2] }).numRows(); // 2
 */
export function loadArquero(): Promise<ArqueroModule> {
  loading ??= import('arquero').then((m) => (loaded = m));
  return loading;
}

/**
 * arquero's namespace when `loadArquero()` has finished, else undefined.
 *
 * @example
 * await loadArquero();
 * loadedArquero()!.table({ a: [1] });
 */
export function loadedArquero(): ArqueroModule | undefined {
  return loaded;
}
