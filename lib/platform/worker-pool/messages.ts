/**
 * Messages of the worker pool: each names the node and its origin, the
 * culprit, and what to do.
 */
import { at, errorText, q, show } from '../../core/message-format.js';

const OR_IN_PROCESS = (name: string) => `or leave ${q(name)} out of the WorkerPoolExecutor's tags so it runs in process`;

export const poolMessages = {
  badOption: (option: string, value: unknown, expected: string) =>
    `WorkerPoolExecutor: ${option} must be ${expected}, got ${show(value)}. Use e.g. new WorkerPoolExecutor({ threads: 4, tags: { heavy: 'true' } }).`,
  noDriver: (name: string, origin: string | undefined) =>
    `Node ${at(name, origin)} is set to run in a worker thread, which rebuilds the graph from the Driver's graphSource(), ` +
    `but this run was not started by a Driver. Run it with driver.execute(...).`,
  noSource: (name: string, origin: string | undefined, cause: unknown) =>
    `Node ${at(name, origin)} is set to run in a worker thread, but a worker cannot rebuild its graph: ${errorText(cause)} ` +
    `Pass module classes (not instances), defined at the top level of a module file that exports them (not inside a function or a test), ${OR_IN_PROCESS(name)}.`,
  notInWorkerGraph: (name: string) =>
    `Node ${q(name)} is not in the graph a worker thread rebuilt from the same modules and config. ` +
    `Build the graph from module files only (no classes made at run time), or run the node in process.`,
  rebuiltDifferently: (name: string, origin: string | undefined, here: readonly string[], there: readonly string[]) =>
    `Node ${at(name, origin)} reads ${here.map(q).join(', ') || 'nothing'} in this process but ${there.map(q).join(', ') || 'nothing'} ` +
    `in the graph a worker thread rebuilt: the module files changed since this process loaded them, or the graph depends on more than its modules and config. ` +
    `Restart the process, or run the node in process.`,
  unsendableInput: (name: string, origin: string | undefined, input: string, reason: string) =>
    `Node ${at(name, origin)} runs in a worker thread, but its input ${q(input)} cannot be sent there: ${reason}. ` +
    `Pass plain data (numbers, strings, arrays, typed arrays, plain objects, Dates, Maps, Sets, arquero tables), ${OR_IN_PROCESS(name)}.`,
  unsendableResult: (name: string, origin: string | undefined, reason: string) =>
    `Node ${at(name, origin)} ran in a worker thread, but its result cannot come back: ${reason}. ` +
    `Return plain data (numbers, strings, arrays, typed arrays, plain objects, Dates, Maps, Sets, arquero tables), ${OR_IN_PROCESS(name)}.`,
  workerDied: (name: string, origin: string | undefined, cause: unknown) =>
    `Node ${at(name, origin)} was running in a worker thread that stopped (${errorText(cause)}): the node ended the thread ` +
    `(process.exit), threw outside of its promise, or ran out of memory. The pool replaces the worker; fix the node, ` +
    `raise the pool's resourceLimits, ${OR_IN_PROCESS(name)}.`,
  poolFailed: (cause: unknown) => `A WorkerPoolExecutor thread failed outside any node (${errorText(cause)}); the pool replaces it.`,
};
