/**
 * Loads the marketing data, weekly spend and signups, from marketing.csv next
 * to this file. The file is read by a loader node (`marketingData.load_data.raw`,
 * drawn as a cylinder): the feature code never sees a path, and a bad file is a
 * DataLoadError naming the file, the line and the node.
 */
import { fileURLToPath } from 'node:url';
import type { ColumnTable } from 'arquero';
import { loadFrom, node, tag, value } from 'hamilton-ts';

const MARKETING_CSV = fileURLToPath(new URL('./marketing.csv', import.meta.url));

export class DataLoaders {
  @loadFrom.csv({ path: value(MARKETING_CSV), columns: { week: 'integer', spend: 'number', signups: 'number' } })
  @tag({ source: 'marketing.csv' })
  @node({ doc: 'Weekly marketing spend and signups, in week order.' })
  marketingData(raw: ColumnTable): ColumnTable {
    return raw.orderby('week');
  }

  @node({ doc: 'Marketing spend per week, in thousands.' })
  spend(marketingData: ColumnTable): Float64Array {
    return Float64Array.from(marketingData.array('spend') as ArrayLike<number>);
  }

  @node({ doc: 'New signups per week.' })
  signups(marketingData: ColumnTable): Float64Array {
    return Float64Array.from(marketingData.array('signups') as ArrayLike<number>);
  }
}
