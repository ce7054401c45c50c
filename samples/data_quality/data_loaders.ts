/**
 * Loads a small health survey, embedded as CSV so the sample needs no setup.
 * The data has real-world mistakes in it: one height typed in millimetres
 * (1752), one height left blank, and one age of 430. The checks below catch them.
 */
import { fromCSV, type ColumnTable } from 'arquero';
import { checkOutput, node } from 'hamilton-ts';

const SURVEY_CSV = `id,height,age
1,172,34
2,165,29
3,181,41
4,158,52
5,176,23
6,169,37
7,1752,45
8,163,31
9,184,28
10,171,60
11,167,47
12,179,35
13,160,26
14,174,39
15,,44
16,168,58
17,177,33
18,162,430
19,186,27
20,170,50
21,166,36
22,175,42
23,159,30
24,182,55
25,173,38
26,164,46
27,178,24
28,170,61
29,161,32
30,183,40
31,168,53
32,176,29
33,157,48
34,180,35
35,172,43
36,165,57
37,187,26
38,169,39
39,174,51
40,163,34
41,178,45
42,171,30
43,166,62
44,181,37
45,160,28
46,175,49
47,170,33
48,177,41`;

export class Survey {
  @checkOutput({ columns: { age: { range: [0, 120] }, height: { allowNull: false } }, importance: 'warn' })
  @node({ doc: 'The survey, one row per person.' })
  survey(): ColumnTable {
    return fromCSV(SURVEY_CSV);
  }

  @checkOutput({ range: [100, 250], importance: 'warn' })
  @node({ doc: 'Height in cm, one value per person; NaN where it was left blank.' })
  height(survey: ColumnTable): Float64Array {
    return Float64Array.from(survey.array('height') as ArrayLike<number | null>, (h) => h ?? NaN);
  }
}
