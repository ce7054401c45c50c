/**
 * A small absence log in the shape of Hamilton's `examples/data_quality/simple`
 * data (the UCI "Absenteeism at work" file): one row per absence, `;`-separated,
 * with the file's original headers. The rows are made up for this sample, and
 * chosen to have what real extracts have: an absence of 120 hours that a cap
 * should catch, two disciplinary absences with reason 0, and no absence on a
 * Friday (day 6), so the one-hot column for Friday must be filled in.
 * Seasons are Brazil's, as in the original: 1 summer (December to February),
 * 2 autumn, 3 winter, 4 spring. Days of the week run from 2 (Monday) to 6 (Friday).
 */

/**
 * The 21 columns, as node names (the headers in camelCase; see `columnName`).
 *
 * @example
 * ABSENCE_COLUMNS.length; // 21
 */
export const ABSENCE_COLUMNS = [
  'id',
  'reasonForAbsence',
  'monthOfAbsence',
  'dayOfTheWeek',
  'seasons',
  'transportationExpense',
  'distanceFromResidenceToWork',
  'serviceTime',
  'age',
  'workLoadAveragePerDay',
  'hitTarget',
  'disciplinaryFailure',
  'education',
  'son',
  'socialDrinker',
  'socialSmoker',
  'pet',
  'weight',
  'height',
  'bodyMassIndex',
  'absenteeismTimeInHours',
] as const;

/**
 * One of the 21 column names.
 *
 * @example
 * const c: AbsenceColumn = 'absenteeismTimeInHours';
 */
export type AbsenceColumn = (typeof ABSENCE_COLUMNS)[number];

/**
 * A header as a node name: `Work load Average/day ` becomes `workLoadAveragePerDay`
 * (Hamilton's sample makes `work_load_average_per_day`, its `_sanitize_columns`).
 *
 * @example
 * columnName('Distance from Residence to Work'); // 'distanceFromResidenceToWork'
 */
export function columnName(header: string): string {
  const words = header.trim().replace(/\//g, ' per ').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/**
 * The absence log, as the file has it (header included).
 *
 * @example
 * ABSENCES_CSV.split('\n').length; // 25: the header and 24 absences
 */
export const ABSENCES_CSV = `ID;Reason for absence;Month of absence;Day of the week;Seasons;Transportation expense;Distance from Residence to Work;Service time;Age;Work load Average/day ;Hit target;Disciplinary failure;Education;Son;Social drinker;Social smoker;Pet;Weight;Height;Body mass index;Absenteeism time in hours
1;23;7;3;3;235;11;14;37;239.554;97;0;3;1;0;0;1;88;172;30;2
2;28;7;4;3;189;29;13;33;239.554;97;0;1;2;1;0;0;69;167;25;3
4;26;7;5;3;118;14;13;40;239.554;97;0;1;1;1;0;8;98;170;34;8
5;0;8;2;3;246;25;16;41;205.917;92;1;1;0;1;0;0;67;170;23;0
6;23;8;3;3;300;26;13;43;205.917;92;0;2;2;1;1;1;69;167;25;2
8;27;9;4;4;157;27;6;29;241.476;93;0;1;0;0;1;0;75;185;22;3
9;13;9;2;4;228;14;16;58;241.476;93;0;1;2;0;0;1;65;172;22;120
10;22;10;5;4;361;52;3;28;253.465;93;0;1;1;1;0;4;80;172;27;8
1;28;10;3;4;235;11;14;37;253.465;93;0;3;1;0;0;1;88;172;30;2
2;23;11;2;4;189;29;13;33;306.345;93;0;1;2;1;0;0;69;167;25;1
4;19;11;4;4;118;14;13;40;306.345;93;0;1;1;1;0;8;98;170;34;40
5;10;12;3;1;246;25;16;41;261.306;97;0;1;0;1;0;0;67;170;23;8
6;23;12;5;1;300;26;13;43;261.306;97;0;2;2;1;1;1;69;167;25;3
8;11;1;2;1;157;27;6;29;330.061;95;0;1;0;0;1;0;75;185;22;16
9;28;1;4;1;228;14;16;58;330.061;95;0;1;2;0;0;1;65;172;22;2
10;23;2;3;1;361;52;3;28;251.818;96;0;1;1;1;0;4;80;172;27;1
1;18;2;5;1;235;11;14;37;251.818;96;0;3;1;0;0;1;88;172;30;8
2;0;3;2;2;189;29;13;33;244.387;98;1;1;2;1;0;0;69;167;25;0
4;27;3;4;2;118;14;13;40;244.387;98;0;1;1;1;0;8;98;170;34;4
5;23;4;3;2;246;25;16;41;246.074;91;0;1;0;1;0;0;67;170;23;2
6;1;4;2;2;300;26;13;43;246.074;91;0;2;2;1;1;1;69;167;25;24
8;28;5;5;2;157;27;6;29;237.656;99;0;1;0;0;1;0;75;185;22;3
9;23;6;4;3;228;14;16;58;275.089;96;0;1;2;0;0;1;65;172;22;2
10;26;6;3;3;361;52;3;28;275.089;96;0;1;1;1;0;4;80;172;27;56`;
