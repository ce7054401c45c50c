/**
 * Body measures, computed column by column on the absence table and appended
 * to it (`@withColumns`): the recorded body-mass index is checked against the
 * one computed from weight and height.
 */
import type { ColumnTable } from 'arquero';
import { node, withColumns } from 'hamilton-ts';

/** Column-level nodes, run inside `bodyFrame` on the table's weight, height and bodyMassIndex columns. */
export class BodyMeasures {
  @node({ doc: 'Height in metres.' })
  heightM(height: number[]): number[] {
    return height.map((h) => h / 100);
  }

  @node({ doc: 'Body-mass index from weight and height, kg/m².' })
  bmiComputed(weight: number[], heightM: number[]): number[] {
    return weight.map((w, i) => w / heightM[i]! ** 2);
  }

  @node({ doc: 'Recorded body-mass index minus the computed one (the file rounds it to whole numbers).' })
  bmiGap(bodyMassIndex: number[], bmiComputed: number[]): number[] {
    return bodyMassIndex.map((b, i) => b - bmiComputed[i]!);
  }
}

/** The body-measure table of each absence, with the columns BodyMeasures computes appended. */
export class BodyFrame {
  @withColumns(BodyMeasures, { columnsToPass: ['weight', 'height', 'bodyMassIndex'], select: ['bmiComputed', 'bmiGap'] })
  @node({ doc: 'Body measures per absence, with the computed body-mass index and its gap to the recorded one.' })
  bodyFrame(rawData: ColumnTable): ColumnTable {
    return rawData.select('id', 'weight', 'height', 'bodyMassIndex', 'bmiComputed', 'bmiGap');
  }

  @node({ doc: 'The largest gap, in either direction, between recorded and computed body-mass index.' })
  bmiGapMax(bodyFrame: ColumnTable): number {
    return Math.max(...(bodyFrame.array('bmiGap') as number[]).map(Math.abs));
  }
}
