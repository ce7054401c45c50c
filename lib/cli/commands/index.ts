/**
 * The commands of `hamilton-ts`, in the order `--help` lists them. A new
 * command is one file in this folder and one line here.
 */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { listCommand } from './list.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { vizCommand } from './viz.js';
import { workerCommand } from './worker.js';

/**
 * Every command.
 *
 * @example
 * COMMANDS.find((c) => c.name === 'run');
 */
export const COMMANDS: readonly Command[] = [runCommand, vizCommand, listCommand, validateCommand, checkCommand, workerCommand];
