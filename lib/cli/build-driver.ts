/**
 * The driver every command works on: the module files' classes, built with
 * the `--config` values.
 */
import { Builder } from '../core/builder.js';
import type { Driver } from '../core/driver.js';
import { loadModules } from './load-modules.js';

/**
 * Loads the files (relative to `cwd`) and builds a driver from their modules.
 *
 * @example
 * const dr = await buildDriver(['features.ts'], { cwd: process.cwd(), config: { region: 'us' } });
 */
export async function buildDriver(files: readonly string[], options: { cwd: string; config: Record<string, unknown> }): Promise<Driver> {
  const modules = await loadModules(files, options.cwd);
  return new Builder().withModules(...modules).withConfig(options.config).build();
}
