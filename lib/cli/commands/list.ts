/**
 * `hamilton-ts list`: the nodes of the module files, with tags, origin and doc.
 */
import type { NodeInfo, Tags } from '../../core/node.js';
import { graphCommand } from '../command-flow.js';
import { formatTable } from '../../core/render/format-table.js';
import { cliMessages } from '../messages.js';
import { parseTagFilter } from '../tag-filter-args.js';
import { FLAG_HELP, usageText } from './shared-help.js';

/**
 * The `list` command.
 *
 * @example
 * await listCommand.run(['features.ts', '--tag', 'owner=data-science', '--json'], io);
 */
export const listCommand = graphCommand({
  name: 'list',
  summary: 'List the nodes and inputs: name, tags, origin and doc.',
  usage: usageText('list', {
    synopsis: '<modules...> [--tag key=value] [--config key=value] [--json]',
    about: [
      'Lists every node of the module files and every input they need, in dependency order.',
      'With --json, each node is {name, tags, dependencies, isExternalInput, origin?, doc?}.',
    ],
    options: [
      '  --tag key=value      only nodes whose tag key equals value; repeat a key for any of several',
      '                       values; --tag key alone keeps nodes that carry the key',
      FLAG_HELP.config,
    ],
    example: 'hamilton-ts list features.ts --tag owner=marketing-analytics',
  }),
  options: { tag: { type: 'string', multiple: true } },
  request: (values) => parseTagFilter(values.tag),
  work: ({ driver, request: tags }) => {
    const nodes = driver.listAvailableVariables(tags ? { tags } : {});
    return { text: nodes.length ? nodeTable(nodes) : `${cliMessages.noNodesMatch()}\n`, json: { nodes } };
  },
});

function nodeTable(nodes: readonly NodeInfo[]): string {
  const rows = nodes.map((n) => [n.name, tagText(n.tags), n.origin ?? (n.isExternalInput ? '(input)' : ''), n.doc ?? '']);
  return formatTable(['name', 'tags', 'origin', 'doc'], rows);
}

function tagText(tags: Tags): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : v.join('|')}`)
    .join(' ');
}
