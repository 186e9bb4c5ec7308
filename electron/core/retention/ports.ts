// What retention (S-6) needs from a store: a dry-run count and a run in bounded batches, both with
// one rule for what is old (see the store adapter, repositories/retention/retentionRepository.ts).
import type { RetentionCounts } from '../../../shared/contract/retention';

/** Where the next batch starts: rows are walked in order of their last-activity key, then rowid. */
export interface RetentionCursor {
  phase: 'calls' | 'customers';
  key: number;
  rowid: number;
}

export interface RetentionRepository {
  /** What a run with this cutoff would change now (read only). */
  count(cutoff: number): Promise<RetentionCounts>;
  /**
   * Anonymises the next batch after `after` (null: from the start) in one commit of bounded size,
   * stamping rows with `at`. `next` is null once nothing is left.
   */
  runBatch(cutoff: number, at: number, after: RetentionCursor | null): Promise<{ done: RetentionCounts; next: RetentionCursor | null }>;
}
