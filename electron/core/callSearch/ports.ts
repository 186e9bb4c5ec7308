// Call search's port: the store's search over calls, its filter lists and the export rows.
import type { CallOutcome } from '../../../shared/domain/callRecord';
import type { ExportableCall } from '../../../shared/domain/callExport';
import type { ExportRange } from '../../../shared/domain/exportRange';

/** What the repository filters on; times are wall epoch ms, [fromWall, toWallExclusive). */
export interface CallSearchCriteria {
  text?: string;
  /**
   * S-6: the viewer sees numbers masked, so the text never matches the caller's number or display
   * name by prefix or fragment (it would recover a masked number digit by digit); a number is
   * found only by the whole number.
   */
  numbersExactOnly?: boolean;
  fromWall?: number;
  toWallExclusive?: number;
  agentId?: string;
  category?: string;
  disposition?: string;
  direction?: 'inbound' | 'outbound';
}

export interface CallSearchHit {
  callId: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  remoteName: string | null;
  startedAt: number;
  outcome: CallOutcome;
  category: string | null;
  disposition: string | null;
  notes: string;
}

export interface CallSearchOptionsFound {
  agents: string[];
  categories: string[];
  dispositions: string[];
}

/** Wall epoch ms, [fromWall, toWallExclusive). */
export type WallRange = ExportRange;

export interface CallSearchRepository {
  search(criteria: CallSearchCriteria, limit: number, offset: number): Promise<{ hits: CallSearchHit[]; total: number }>;
  optionsInUse(): Promise<CallSearchOptionsFound>;
  countForExport(range: WallRange): Promise<number>;
  loadForExport(range: WallRange): Promise<ExportableCall[]>;
}
