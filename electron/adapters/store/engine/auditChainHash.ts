// S-6: the audit log's hash chain. Each audit_log row carries the previous row's hash and its own,
// a SHA-256 over a canonical encoding of the row including that previous hash, so changing, removing
// or reordering a row breaks every hash after it. The engine registers rowHash as the SQL function
// audit_row_hash (deterministic, so replaying the journal yields the same hashes), and
// `npm run audit -- verify` recomputes it in plain JS.
import { createHash } from 'node:crypto';

/** The "previous hash" of the first row. */
export const auditChainGenesis = '0'.repeat(64);

/** The values of one row as SQLite hands them over (a blob only where a test stored one). */
export type AuditCell = string | number | null | Uint8Array;

export interface AuditChainRow {
  id: number;
  at: AuditCell;
  actorId: AuditCell;
  actorRole: AuditCell;
  action: AuditCell;
  subject: AuditCell;
  detailJson: AuditCell;
}

const canonical = (value: AuditCell | undefined): unknown =>
  value instanceof Uint8Array ? { blob: Buffer.from(value).toString('base64') } : (value ?? null);

/** SHA-256 (hex) of the JSON array [prevHash, id, at, actorId, actorRole, action, subject, detailJson]. */
export function auditRowHash(prevHash: AuditCell, row: AuditChainRow): string {
  const fields = [prevHash, row.id, row.at, row.actorId, row.actorRole, row.action, row.subject, row.detailJson];
  return createHash('sha256').update(JSON.stringify(fields.map(canonical)), 'utf8').digest('hex');
}

/** The SQL function's shape: audit_row_hash(prev, id, at, actor_id, actor_role, action, subject, detail_json). */
export function auditRowHashSql(prev: AuditCell, id: AuditCell, at: AuditCell, actorId: AuditCell, actorRole: AuditCell, action: AuditCell, subject: AuditCell, detailJson: AuditCell): string {
  return auditRowHash(prev, { id: Number(id), at, actorId, actorRole, action, subject, detailJson });
}
