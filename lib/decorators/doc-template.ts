/**
 * Doc templates of `@parameterize` (Hamilton's `format_doc_string`): the
 * method's doc with `{param}` and `{outputName}` filled in per generated node.
 */
import type { Config } from '../core/resolve/modifiers.js';
import type { DependencySpec, SourceDependency, ValueDependency } from './dependencies.js';

/**
 * What the placeholders of one generated node stand for.
 *
 * @example
 * const fill: DocFill = { outputName: 'usSpend', params: [{ name: 'spend' }], mapping: { spend: source('spendUs') }, config: {} };
 */
export interface DocFill {
  readonly outputName: string;
  /** The method's parameters (a parameter that stays a dependency stands for its own name). */
  readonly params: readonly { readonly name: string }[];
  readonly mapping: Readonly<Record<string, DependencySpec>>;
  readonly config: Config;
}

/**
 * Fills a doc template: `{outputName}` is the node's name, `{param}` the node
 * or value the parameter is bound to (its own name when it stays a
 * dependency); `{{` and `}}` are literal braces; any other `{word}` is kept.
 *
 * @example
 * fillDoc('{x} shifted, as {outputName}.', { outputName: 'b', params: [{ name: 'x' }], mapping: { x: source('a') }, config: {} });
 * // 'a shifted, as b.'
 */
export function fillDoc(template: string, fill: DocFill): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z_$][\w$]*)\}/g, (match, key: string | undefined) => {
    if (key === undefined) return match[0]!;
    if (key === 'outputName') return fill.outputName;
    const spec = Object.prototype.hasOwnProperty.call(fill.mapping, key) ? fill.mapping[key] : undefined;
    if (spec) return describe(spec, fill.config);
    return fill.params.some((p) => p.name === key) ? key : match;
  });
}

function describe(spec: DependencySpec, config: Config): string {
  switch (spec.kind) {
    case 'value': return text(spec.value);
    case 'source': return spec.name;
    case 'configuration': return text(config[spec.key]);
    default: {
      const item = (d: ValueDependency | SourceDependency) => (d.kind === 'value' ? text(d.value) : d.name);
      return spec.items ? spec.items.map(item).join(', ') : Object.entries(spec.byKey!).map(([k, d]) => `${k}: ${item(d)}`).join(', ');
    }
  }
}

/** A value as a doc shows it: strings as they are (as Python's str), others as JSON. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' || v === null) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
