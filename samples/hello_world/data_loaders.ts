/**
 * Loads the marketing data: weekly spend and signups, embedded as CSV so the
 * sample needs no setup. In a real project this class would read a file or a
 * warehouse table; the feature code would not change.
 */
import { fromCSV, type ColumnTable } from 'arquero';
import { node, tag } from 'hamilton-ts';

const MARKETING_CSV = `week,spend,signups
1,10,1
2,10,10
3,20,50
4,40,100
5,40,200
6,50,400
7,55,420
8,60,460
9,80,490
10,90,520
`;

export class DataLoaders {
  @tag({ source: 'embedded-csv' })
  @node({ doc: 'Weekly marketing spend and signups.' })
  marketingData(): ColumnTable {
    return fromCSV(MARKETING_CSV);
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
