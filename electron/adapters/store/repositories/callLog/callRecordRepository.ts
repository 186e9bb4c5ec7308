// The agent's part of a call record in the store: note revisions (each one a row, QA replays
// them) with the call's current notes kept in `calls.notes` in the same commit, and the category
// and disposition columns (a change after the record closed also writes its amendment row and audit
// entry). Event-derived columns belong to callLogStoreRepository.
import type { CallRecordRepository, StoredCallRecord } from '../../../../core/callLog/ports';
import type { NoteRevision } from '../../../../../shared/contract/callLog';
import { auditInsertStatement } from '../audit/auditLogRepository';
import type { SqlStatement, Store } from '../../engine/store';

export function createCallRecordStoreRepository(store: Pick<Store, 'commit' | 'query'>): CallRecordRepository {
  return {
    async load(callId): Promise<StoredCallRecord | null> {
      const [call] = await store.query('SELECT category, disposition, ended_at FROM calls WHERE id = ?', [callId]);
      const [latest] = await store.query(
        `SELECT revision, text, saved_at, (SELECT max(is_amendment) FROM note_revisions WHERE call_id = ?) AS amended
           FROM note_revisions WHERE call_id = ? ORDER BY revision DESC LIMIT 1`,
        [callId, callId],
      );
      if (!call && !latest) return null;
      return {
        inCallLog: call !== undefined,
        category: call?.category == null ? null : String(call.category),
        disposition: call?.disposition == null ? null : String(call.disposition),
        note: latest
          ? { text: String(latest.text), revision: Number(latest.revision), savedAt: Number(latest.saved_at), amended: Number(latest.amended) === 1 }
          : { text: '', revision: 0, savedAt: null, amended: false },
      };
    },

    async saveRevision(callId, revision) {
      // One commit: the revision and the call's current text can never disagree after a crash.
      await store.commit([
        {
          sql: 'INSERT INTO note_revisions (call_id, revision, text, saved_at, is_amendment, author_id) VALUES (?, ?, ?, ?, ?, ?)',
          params: [callId, revision.revision, revision.text, revision.savedAt, revision.isAmendment ? 1 : 0, revision.authorId],
        },
        { sql: 'UPDATE calls SET notes = ? WHERE id = ?', params: [revision.text, callId] },
      ]);
    },

    async saveClassification(callId, category, disposition, amendment) {
      const statements: SqlStatement[] = [
        {
          // A call classified as a complaint counts in the complaint rate (dashboards, S-5).
          sql: 'UPDATE calls SET category = ?, disposition = ?, is_complaint = ? WHERE id = ?',
          params: [category, disposition, category === 'complaint' ? 1 : 0, callId],
        },
      ];
      if (amendment) {
        // One commit: the change, its amendment row and its audit entry exist together or not at all.
        statements.push(
          {
            sql: `INSERT INTO classification_amendments
                    (call_id, amended_at, author_id, author_role, category_before, category_after, disposition_before, disposition_after)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            params: [
              callId,
              Math.round(amendment.at),
              amendment.authorId,
              amendment.authorRole,
              amendment.before.category,
              amendment.after.category,
              amendment.before.disposition,
              amendment.after.disposition,
            ],
          },
          auditInsertStatement(amendment.audit),
        );
      }
      await store.commit(statements);
    },

    async revisions(callId): Promise<NoteRevision[]> {
      const rows = await store.query(
        'SELECT revision, text, saved_at, is_amendment, author_id FROM note_revisions WHERE call_id = ? ORDER BY revision',
        [callId],
      );
      return rows.map((r) => ({
        revision: Number(r.revision),
        text: String(r.text),
        savedAt: Number(r.saved_at),
        isAmendment: Number(r.is_amendment) === 1,
        authorId: String(r.author_id),
      }));
    },
  };
}
