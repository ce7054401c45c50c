/**
 * The saves of one materialize run, written next to their targets and put in
 * place together once the whole run succeeded (or all dropped when it failed),
 * so a failed run leaves every earlier file as it was.
 */
import { DataSaveError } from '../core/errors.js';
import { adapterMessages } from './messages.js';
import type { SaveResult, StagedSave } from './save-data.js';

/**
 * Staged saves waiting for the run's outcome.
 *
 * @example
 * const staging = new SaveStaging();
 * await staging.add(await stageData(table, 'out/a.csv'));
 * await staging.commit(); // out/a.csv is replaced now
 */
export class SaveStaging {
  private readonly staged: StagedSave[] = [];
  private readonly writing = new Set<Promise<unknown>>();
  private outcome: 'commit' | 'abort' | undefined;

  /**
   * Runs `write` and keeps the save it stages; `abort()` waits for every write
   * still running, so when it returns no temporary file of this run is left.
   */
  stage(write: () => Promise<StagedSave>): Promise<SaveResult> {
    const run = (async () => this.add(await write()))();
    this.writing.add(run);
    run.then(
      () => this.writing.delete(run),
      () => this.writing.delete(run),
    );
    return run;
  }

  /** Keeps a staged save for the outcome; one that arrives after the run ended is discarded (DataSaveError). */
  async add(save: StagedSave): Promise<SaveResult> {
    if (this.outcome !== undefined) {
      await save.discard();
      throw new DataSaveError(adapterMessages.stagingClosed(save.path), save.path, save.format, undefined);
    }
    this.staged.push(save);
    return { path: save.path, format: save.format, rows: save.rows, bytes: save.bytes, hash: save.hash };
  }

  /** Puts every staged file in place, in the order they were staged; when one fails, the rest are dropped and its error is thrown. */
  async commit(): Promise<void> {
    this.outcome = 'commit';
    const staged = this.staged.splice(0);
    for (let k = 0; k < staged.length; k++) {
      try {
        await staged[k]!.commit();
      } catch (error) {
        await Promise.allSettled(staged.slice(k + 1).map((s) => s.discard()));
        throw error;
      }
    }
  }

  /** Drops every staged file, once the writes still running have ended: the targets stay as they were. */
  async abort(): Promise<void> {
    this.outcome = 'abort';
    await Promise.allSettled([...this.writing]);
    await Promise.allSettled(this.staged.splice(0).map((s) => s.discard()));
  }
}
