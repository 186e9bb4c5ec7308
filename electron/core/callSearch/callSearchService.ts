// Call search and UI export over a repository port. The core, not the UI, decides what a caller
// sees (S-6): numbers are masked for roles that may not see them, filters naming an unknown
// category or disposition are refused, and every search and export is audited before it is answered.
import { maxUiExportRows, mayExportFullNumbers, type CallSearchOptions, type CallSearchRow, type SearchCallsReply } from '../../../shared/contract/callSearch';
import type { CallRecordSettings } from '../../../shared/contract/callLog';
import { ContractError } from '../../../shared/contract/envelope';
import type { Clock } from '../../../shared/domain/clock';
import { toCsv, toJson } from '../../../shared/domain/callExport';
import { parseExportRange, parseRangeEdge, type RangeOptions } from '../../../shared/domain/exportRange';
import { notesExcerpt } from '../../../shared/domain/notesExcerpt';
import { numberForViewer, numberQueryForms, seesNumbersMasked, type LiveCallParty } from '../../../shared/domain/customerNumberAccess';
import { maskDisplayName } from '../../../shared/domain/phoneMasking';
import { auditEntry, type AuditLog } from '../audit';
import type { CallSearchCriteria, CallSearchHit, CallSearchRepository } from './ports';
import type { CallerContext } from '../kernel/caller';

export interface CallSearchServiceDeps {
  repository: CallSearchRepository;
  /** S-6: resolves once the entry is durable, so nothing is shown or handed out unaudited. */
  audit: AuditLog;
  clock: Pick<Clock, 'wallNow'>;
  /** The configured category and disposition lists (the call-record settings). */
  recordLists(): Pick<CallRecordSettings, 'categories' | 'dispositions'>;
  /** The calls not yet ended on this host: an agent sees the number of their own current caller in full (S-6). */
  liveCalls(): readonly LiveCallParty[];
  /**
   * Minutes east of UTC that a plain date's midnight is read in and export times are written in;
   * undefined: this computer's time zone, the one the contract checked the dates in.
   */
  utcOffsetMinutes?: number;
}

export interface SearchCallsInput {
  text?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  agentId?: string | undefined;
  category?: string | undefined;
  disposition?: string | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  page: number;
  pageSize: number;
}

export class CallSearchService {
  constructor(private readonly deps: CallSearchServiceDeps) {}

  async search(input: SearchCallsInput, caller: CallerContext): Promise<SearchCallsReply> {
    await this.refuseUnknownChoices(input);
    const criteria: CallSearchCriteria = {};
    if (input.from !== undefined) criteria.fromWall = this.edge(input.from, 'from');
    if (input.to !== undefined) criteria.toWallExclusive = this.edge(input.to, 'to');
    if (input.text) criteria.text = input.text;
    const masked = seesNumbersMasked(caller.role);
    if (input.text && masked) criteria.numbersExactOnly = true;
    if (input.agentId !== undefined) criteria.agentId = input.agentId;
    if (input.category !== undefined) criteria.category = input.category;
    if (input.disposition !== undefined) criteria.disposition = input.disposition;
    if (input.direction !== undefined) criteria.direction = input.direction;

    const { hits, total } = await this.deps.repository.search(criteria, input.pageSize, (input.page - 1) * input.pageSize);
    const live = this.deps.liveCalls();
    const shown = hits.map((hit) => numberForViewer(caller, hit.remoteNumber, live));
    // S-6: a display name that is (or holds) a number is masked wherever its number is.
    const rows = hits.map((hit, i) => toRow({ ...hit, remoteName: shown[i]!.masked && hit.remoteName !== null ? maskDisplayName(hit.remoteName) : hit.remoteName }, shown[i]!.number, input.text ?? ''));
    // Whether this page hides any number: the UI says so instead of showing stars unexplained.
    const numbersMasked = shown.some((s) => s.masked);
    // S-6: audited before the rows leave the core, misses too (a run of misses by one user is what
    // guessing a number looks like); the filters say what was looked at.
    const numberSearch = criteria.numbersExactOnly && numberQueryForms(input.text ?? '').length > 0 ? { numberSearch: 'exact' } : {};
    await this.deps.audit.record(
      auditEntry(this.deps.clock, caller, 'calls.search', null, { ...withoutUndefined(input), ...numberSearch, total, shown: hits.map((h) => h.callId), numbersMasked }),
    );
    return {
      rows,
      total,
      page: input.page,
      pageSize: input.pageSize,
      numbersMasked,
    };
  }

  async options(): Promise<CallSearchOptions> {
    const found = await this.deps.repository.optionsInUse();
    const lists = this.deps.recordLists();
    // Configured entries first (with their labels); ids only found on old calls keep working as filters.
    const merge = (configured: CallRecordSettings['categories'], inUse: string[]) => [
      ...configured.map(({ id, en, zh }) => ({ id, en, zh })),
      ...inUse.filter((id) => !configured.some((c) => c.id === id)).map((id) => ({ id, en: id, zh: id })),
    ];
    return { agents: found.agents, categories: merge(lists.categories, found.categories), dispositions: merge(lists.dispositions, found.dispositions) };
  }

  async exportCalls(
    input: { from: string; to: string; format: 'csv' | 'json'; fullNumbers: boolean },
    caller: CallerContext,
  ): Promise<{ fileName: string; content: string; count: number }> {
    if (input.fullNumbers && !mayExportFullNumbers(caller.role)) {
      throw new ContractError('FORBIDDEN', `Role "${caller.role}" may not export full customer numbers (S-6); export without them.`);
    }
    const range = validated(() => parseExportRange(input.from, input.to, this.rangeOptions()));
    const count = await this.deps.repository.countForExport(range);
    if (count > maxUiExportRows) {
      throw new ContractError(
        'CONFLICT',
        `${count} calls are in that range; the UI exports at most ${maxUiExportRows}. Choose a shorter range, or use npm run report -- calls.`,
      );
    }
    const calls = await this.deps.repository.loadForExport(range);
    const options = { maskNumbers: !input.fullNumbers, utcOffsetMinutes: this.deps.utcOffsetMinutes };
    const content = input.format === 'csv' ? toCsv(calls, options) : toJson(calls, options);
    const fileName = `deskline-calls-${fileDate(input.from)}-to-${fileDate(input.to)}.${input.format}`;
    await this.deps.audit.record(
      auditEntry(this.deps.clock, caller, 'calls.export', fileName, { from: input.from, to: input.to, format: input.format, fullNumbers: input.fullNumbers, count: calls.length }),
    );
    return { fileName, content, count: calls.length };
  }

  private rangeOptions(): RangeOptions {
    return this.deps.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: this.deps.utcOffsetMinutes };
  }

  private edge(text: string, edge: 'from' | 'to'): number {
    return validated(() => parseRangeEdge(text, edge, this.rangeOptions()));
  }

  /** "Unknown categories are rejected with a clear error": a typo must not look like "no calls". */
  private async refuseUnknownChoices(input: SearchCallsInput): Promise<void> {
    if (input.category === undefined && input.disposition === undefined) return;
    const options = await this.options();
    const check = (value: string | undefined, list: CallSearchOptions['categories'], what: string) => {
      if (value === undefined || list.some((c) => c.id === value)) return;
      const known = list.map((c) => c.id).join(', ') || 'none';
      throw new ContractError('VALIDATION', `Unknown ${what} "${value}". Known ${what === 'category' ? 'categories' : 'dispositions'}: ${known}.`);
    };
    check(input.category, options.categories, 'category');
    check(input.disposition, options.dispositions, 'disposition');
  }
}

function toRow(hit: CallSearchHit, remoteNumber: string, text: string): CallSearchRow {
  const { notes, ...rest } = hit;
  return { ...rest, remoteNumber, notesExcerpt: notesExcerpt(notes, text) };
}

/** A date for a file name: 2026-11-02, or 2026-11-02T0930 from an ISO time (no colons, for Windows). */
function fileDate(text: string): string {
  return text.slice(0, 16).replace(/:/g, '');
}

/** The contract has checked the dates already; a parse error here still reaches the caller as bad input. */
function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ContractError('VALIDATION', (error as Error).message);
  }
}

function withoutUndefined(input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
