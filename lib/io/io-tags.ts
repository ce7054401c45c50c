/**
 * Hamilton's tags on loader and saver nodes (`hamilton.data_loader`,
 * `hamilton.data_saver` ...), so tools that read tags find them.
 */
import type { Tags } from '../core/node.js';

/**
 * The tags of a loader node (`node`: the parameter or node it loads) and of a saver node.
 *
 * @example
 * ioTags.loader('csv', 'raw'); // { 'hamilton.data_loader': 'true', 'hamilton.data_loader.source': 'csv', ... }
 */
export const ioTags = {
  loader: (format: string, node: string): Tags =>
    Object.freeze({
      'hamilton.data_loader': 'true',
      'hamilton.data_loader.source': format,
      'hamilton.data_loader.node': node,
    }),
  saver: (format: string): Tags => Object.freeze({ 'hamilton.data_saver': 'true', 'hamilton.data_saver.sink': format }),
};
