import type { MethodDecorator } from './record-modifier.js';
import type { DependencySpec } from './dependencies.js';
import { checkedMapping, expanderDecorator, namedOutputs, type ParameterizeOptions } from './parameterize-outputs.js';

export type { ParameterizeOptions } from './parameterize-outputs.js';

/**
 * How one generated node fills the method's parameters: `{ param: value(x) | source('n') | configuration('k') | group(...) }`.
 *
 * @example
 * const mapping: ParameterMapping = { spend: source('spendUs'), weeks: value(3) };
 */
export type ParameterMapping = Readonly<Record<string, DependencySpec>>;

/**
 * One method, many nodes (Hamilton's `@parameterize`): each output runs the
 * method with the parameters it maps bound to a literal (`value`), another
 * node (`source`), a config value read when the graph is built
 * (`configuration`) or a list or object of those (`group`). Parameters an
 * output does not map stay dependencies. The method's doc is a template:
 * `{param}` and `{outputName}` are filled in per output, unless `docs` gives
 * that output's doc.
 *
 * @example
 * class Spend {
 *   @parameterize(
 *     { spendUs3Weeks: { spend: source('spendUs'), weeks: value(3) }, spendUk4Weeks: { spend: source('spendUk'), weeks: value(4) } },
 *     { docs: { spendUk4Weeks: 'UK spend over four weeks.' } },
 *   )
 *   @node({ doc: 'Rolling {weeks}-week mean of {spend}.' })
 *   rollingSpend(spend: number[], weeks: number) { return rollingMean(spend, weeks); }
 * }
 */
export function parameterize(outputs: Readonly<Record<string, ParameterMapping>>, options?: ParameterizeOptions): MethodDecorator {
  const example = "@parameterize({ usSpend: { spend: source('spendUs') } })";
  return expanderDecorator('@parameterize', (method) =>
    namedOutputs('@parameterize', method, outputs, options, example, (output, mapping) => checkedMapping('@parameterize', method, output, mapping)),
  );
}
