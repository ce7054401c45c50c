// Helpers shared by the function-modifier suites.
import { Builder, type Config, type Driver, type Module } from '../../lib/index.js';
import { silent } from '../support.js';

/** A driver over the modules with this config, logging nothing. */
export const build = (cfg: Config, ...modules: Module[]): Driver => new Builder().withModules(...modules).withConfig(cfg).withLogger(silent).build();

/** The names of the function nodes (not inputs or config) the modules make under this config, sorted. */
export const nodeNames = (cfg: Config, ...modules: Module[]): string[] =>
  build(cfg, ...modules)
    .listAvailableVariables()
    .filter((n) => !n.isExternalInput)
    .map((n) => n.name)
    .sort();
