/**
 * `hamilton-ts list`: the nodes of the module files, with tags, origin and doc.
 */
import type { NodeInfo, Tags } from '../../core/node.js';
import type { Command } from '../command.js';
import { COMMON_OPTIONS, moduleFiles, parseArguments, parseConfig } from '../arguments.js';
import { buildDriver } from '../build-driver.js';
import { formatTable } from '../../core/render/format-table.js';
import { cliMessages } from '../messages.js';
import { respond } from '../respond.js';
import { parseTagFilter } from '../tag-filter-args.js';
import { EXIT_HELP, FLAG_HELP, MODULES_HELP } from './shared-help.js';

const OPTIONS = { ...COMMON_OPTIONS, tag: { type: 'string', multiple: true } } as const;

/**
 * The `list` command.
 *
 * @example
 * await listCommand.run(['features.ts', '--tag', 'owner=data-science', '--json'], io);
 */
export const listCommand: Command = {
  name: 'list',
  summary: 'List the nodes and inputs: name, tags, origin and doc.',
  usage: [
    'Usage: hamilton-ts list <modules...> [--tag key=value] [--config key=value] [--json]',
    '',
    'Lists every node of the module files and every input they need, in dependency order.',
    'With --json, each node is {name, tags, dependencies, isExternalInput, origin?, doc?}.',
    '',
    'Options:',
    '  --tag key=value      only nodes whose tag key equals value; repeat a key for any of several',
    '                       values; --tag key alone keeps nodes that carry the key',
    FLAG_HELP.config,
    FLAG_HELP.json,
    FLAG_HELP.help,
    '',
    MODULES_HELP,
    EXIT_HELP,
    '',
    'Example:',
    '  hamilton-ts list features.ts --tag owner=marketing-analytics',
  ].join('\n'),
  run: (argv, io) =>
    respond('list', argv, io, async () => {
      const { values, positionals } = parseArguments('list', argv, OPTIONS);
      const files = moduleFiles('list', positionals);
      const tags = parseTagFilter(values.tag);
      const dr = await buildDriver(files, { cwd: io.cwd, config: parseConfig(values.config) });
      const nodes = dr.listAvailableVariables(tags ? { tags } : {});
      return { text: nodes.length ? nodeTable(nodes) : `${cliMessages.noNodesMatch()}\n`, json: { nodes } };
    }),
};

function nodeTable(nodes: readonly NodeInfo[]): string {
  const rows = nodes.map((n) => [n.name, tagText(n.tags), n.origin ?? (n.isExternalInput ? '(input)' : ''), n.doc ?? '']);
  return formatTable(['name', 'tags', 'origin', 'doc'], rows);
}

function tagText(tags: Tags): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join('|')}`)
    .join(' ');
}
