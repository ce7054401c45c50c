// Helpers shared by the test suites.
import pino from 'pino';
import { Builder, type Module, type NodeInfo } from '../lib/index.js';

/** A logger that drops everything, for tests that do not read logs. */
export const silent = pino({ level: 'silent' });

/** Runs `fn` and returns what it threw; fails the test when it throws nothing. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

/** Nodes by name, from a query's NodeInfo list. */
export const byName = (infos: readonly NodeInfo[]): Map<string, NodeInfo> => new Map(infos.map((i) => [i.name, i]));

/** The names of a node's dependencies, in order. */
export const depNames = (info: NodeInfo | undefined): string[] | undefined => info?.dependencies.map((d) => d.name);

/** A driver of these modules that logs nothing. */
export const quietDriver = (...modules: Module[]) => new Builder().withModules(...modules).withLogger(silent).build();
