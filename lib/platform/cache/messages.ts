/**
 * Messages of the cache: log lines that name the node and say what happened and why.
 */
import { q } from '../../core/message-format.js';

export const cacheMessages = {
  hit: (node: string) => `cache hit: ${q(node)} read from the cache`,
  miss: (node: string) => `cache miss: ${q(node)} computed`,
  recompute: (node: string) => `cache recompute: ${q(node)} computed (behavior 'recompute')`,
  noKey: (node: string, reason: string) => `cache skip: ${q(node)} is not cached because its key cannot be computed: ${reason}`,
  notStored: (node: string, reason: string) => `cache skip: the value of ${q(node)} is not stored: ${reason}`,
  corrupt: (node: string, file: string, reason: string) =>
    `cache entry of ${q(node)} is damaged (${reason}) and is ignored: ${file}. The node is computed again and the entry rewritten.`,
  writeFailed: (node: string, dir: string, reason: string) =>
    `cache: the value of ${q(node)} could not be written to ${dir} (${reason}); the run goes on without storing it. Check that the folder is writable.`,
  configUnhashable: (reason: string) =>
    `cache off for this driver: its config cannot be fingerprinted (${reason}), and every cache key includes it. Use plain config values.`,
};
