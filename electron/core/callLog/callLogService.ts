// The agent's part of each call record (S-3): notes saved as revisions while typing, and the
// category and disposition. A save after the record is closed (the call and its wrap-up are over)
// is an amendment and is marked as one, so QA can tell notes taken on the call from later edits;
// so is a later change of category or disposition (recorded with who and when, and audited).
import type { CallRecordForm, NoteRevision } from '../../../shared/contract/callLog';
import { ContractError } from '../../../shared/contract/envelope';
import type { Clock } from '../../../shared/domain/clock';
import { auditEntry } from '../audit';
import type { CallLogSettingsStore } from './callLogSettings';
import type { CallerContext } from '../kernel/caller';
import type { CallRecordRepository, ClassificationAmendment } from './ports';

/** Whether a call's record is still open: the call is live, or its wrap-up is running. */
export type RecordOpen = (callId: string) => boolean;

export class CallLogService {
  /** Saves of one call run one after another, so revision numbers follow the typing order. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: {
      repository: CallRecordRepository;
      settings: CallLogSettingsStore;
      clock: Clock;
      isOpen: RecordOpen;
    },
  ) {}

  async form(callId: string): Promise<CallRecordForm> {
    const stored = await this.deps.repository.load(callId);
    if (!stored && !this.deps.isOpen(callId)) throw new ContractError('NOT_FOUND', `No call ${callId} in the call log.`);
    return {
      callId,
      note: stored?.note ?? { text: '', revision: 0, savedAt: null, amended: false },
      category: stored?.category ?? null,
      disposition: stored?.disposition ?? null,
      closed: !this.deps.isOpen(callId),
    };
  }

  saveNote(callId: string, text: string, authorId: string): Promise<{ revision: number; savedAt: number; isAmendment: boolean }> {
    return this.serialized(callId, async () => {
      const current = await this.form(callId);
      const savedAt = this.deps.clock.wallNow();
      if (current.note.text === text) return { revision: current.note.revision, savedAt: current.note.savedAt ?? savedAt, isAmendment: false };
      const revision: NoteRevision = { revision: current.note.revision + 1, text, savedAt, isAmendment: current.closed, authorId };
      await this.deps.repository.saveRevision(callId, revision);
      return { revision: revision.revision, savedAt, isAmendment: revision.isAmendment };
    });
  }

  /**
   * `undefined` leaves a field as it is; the merge happens in the call's queue, so changes never
   * undo each other. A change to a closed record is an amendment: the category decides whether the
   * call counts as a complaint (S-5), so who changed what and when is recorded and audited.
   */
  setClassification(
    callId: string,
    category: string | null | undefined,
    disposition: string | null | undefined,
    caller: CallerContext,
  ): Promise<CallRecordForm> {
    const settings = this.deps.settings.get();
    if (category != null && !settings.categories.some((c) => c.id === category)) {
      throw new ContractError('VALIDATION', `Unknown category "${category}". Choose one of: ${settings.categories.map((c) => c.id).join(', ')}.`);
    }
    if (disposition != null && !settings.dispositions.some((d) => d.id === disposition)) {
      throw new ContractError('VALIDATION', `Unknown disposition "${disposition}". Choose one of: ${settings.dispositions.map((d) => d.id).join(', ')}.`);
    }
    return this.serialized(callId, async () => {
      const current = await this.form(callId);
      if (!(await this.deps.repository.load(callId))?.inCallLog) {
        throw new ContractError('CONFLICT', 'The call is not in the call log yet; try again in a moment.');
      }
      const next = { category: category === undefined ? current.category : category, disposition: disposition === undefined ? current.disposition : disposition };
      const changed = next.category !== current.category || next.disposition !== current.disposition;
      if (!current.closed || !changed) {
        await this.deps.repository.saveClassification(callId, next.category, next.disposition);
        return { ...current, ...next };
      }
      const before = { category: current.category, disposition: current.disposition };
      const amendment: ClassificationAmendment = {
        at: this.deps.clock.wallNow(),
        authorId: caller.userId,
        authorRole: caller.role,
        before,
        after: next,
        audit: auditEntry(this.deps.clock, caller, 'callRecord.amendClassification', callId, { before, after: next }),
      };
      await this.deps.repository.saveClassification(callId, next.category, next.disposition, amendment);
      return { ...current, ...next };
    });
  }

  revisions(callId: string): Promise<NoteRevision[]> {
    return this.deps.repository.revisions(callId);
  }

  /** Wrap-up may not end without a disposition when the setting requires one. */
  async assertReadyToFinish(callId: string): Promise<void> {
    if (!this.deps.settings.get().dispositionRequired) return;
    const stored = await this.deps.repository.load(callId);
    if (!stored?.disposition) throw new ContractError('CONFLICT', 'Choose a disposition before finishing wrap-up.');
  }

  private serialized<T>(callId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(callId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(callId, settled);
    void settled.then(() => {
      if (this.queues.get(callId) === settled) this.queues.delete(callId);
    });
    return next;
  }
}
