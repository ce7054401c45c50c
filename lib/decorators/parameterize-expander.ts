/**
 * The expand-stage modifier behind `@parameterize`, `@parameterizeValues`,
 * `@parameterizeSources` and `@inject`: one node per output, each running the
 * method with some parameters bound to values, other nodes or config.
 */
import { DecoratorError } from '../core/errors.js';
import type { NodeSpec } from '../core/node.js';
import type { NodeExpander, ResolveContext } from '../core/resolve/modifiers.js';
import { bindParameters } from './bind-parameters.js';
import type { DependencySpec } from './dependencies.js';
import { fillDoc } from './doc-template.js';
import { parameterizeMessages } from './messages.js';
import { rebindCode } from './rebind-code.js';

/**
 * One node to make: its name (absent: the method's own node name, as `@inject` makes), its bindings and its doc.
 *
 * @example
 * const output: ParameterizedOutput = { name: 'usSpend', mapping: { spend: source('spendUs') }, doc: 'US spend.' };
 */
export interface ParameterizedOutput {
  readonly name?: string;
  readonly mapping: Readonly<Record<string, DependencySpec>>;
  /** Used as given; absent: the method's doc, filled in as a template. */
  readonly doc?: string;
}

/**
 * Makes one node per output from the method's node. Parameters an output does
 * not map stay dependencies on their own names; `origin` stays the method's.
 *
 * @example
 * new ParameterizeExpander('@parameterize', [{ name: 'usSpend', mapping: { spend: source('spendUs') } }]).expand(node, ctx);
 */
export class ParameterizeExpander implements NodeExpander {
  readonly stage = 'expand';

  constructor(
    readonly decorator: string,
    readonly outputs: readonly ParameterizedOutput[],
  ) {}

  expand(node: NodeSpec, ctx: ResolveContext): NodeSpec[] {
    const params = node.dependencies;
    const named = this.outputs.some((o) => o.name !== undefined);
    if (named && params.some((p) => p.name === 'outputName')) throw new DecoratorError(parameterizeMessages.reservedParameter(this.decorator, ctx.origin));
    return this.outputs.map((o) => {
      const name = o.name ?? node.name;
      const { dependencies, bind } = bindParameters(params, o.mapping, ctx, this.decorator);
      const doc = o.doc ?? (node.doc === undefined ? undefined : fillDoc(node.doc, { outputName: name, params, mapping: o.mapping, config: ctx.config }));
      const out: { -readonly [K in keyof NodeSpec]: NodeSpec[K] } = { ...node, name, dependencies, code: rebindCode(node, bind, ctx, this.decorator) };
      if (doc === undefined) delete out.doc;
      else out.doc = doc;
      return out;
    });
  }
}
