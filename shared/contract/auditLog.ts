// Contract for reading the audit log (S-6, issue 13): admins list its rows with filters a page at a
// time and export them as CSV. Nobody can change or delete a row (the store refuses it), and an
// export of the log is itself recorded in the log.
import { z } from 'zod';
import { checkRangeOrder, rangeEdgeSchema } from './dateRange';
import { defineMethod } from './defineMethod';

export const maxAuditPageSize = 200;
/** An export travels as one reply; the whole log can always be read from a backup. */
export const maxAuditExportRows = 100_000;

const filterText = z.string().trim().min(1).max(200);

/** The filters both methods take; each one given narrows the rows, none given means all of them. */
export const auditLogFilterSchema = z
  .object({
    /** YYYY-MM-DD (a whole day in the host's time zone) or an ISO time with its offset. */
    from: rangeEdgeSchema('from').optional(),
    to: rangeEdgeSchema('to').optional(),
    /** Exactly this user id. */
    actorId: filterText.optional(),
    /** This action (customer.view) or, ending in a dot, every action under it (customer.). */
    action: filterText.optional(),
    /** Exactly this subject (a customer id, a call id, a file name). */
    subject: filterText.optional(),
  })
  .strict();

export const listAuditLogRequestSchema = auditLogFilterSchema
  .extend({
    /** 1-based. */
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(maxAuditPageSize, `At most ${maxAuditPageSize} rows a page`).default(50),
  })
  .strict()
  .superRefine(checkRangeOrder);
export type ListAuditLogRequest = z.input<typeof listAuditLogRequestSchema>;

export const auditLogRowSchema = z
  .object({
    id: z.number().int().positive(),
    /** Wall epoch ms. */
    at: z.number(),
    actorId: z.string(),
    /** As recorded. */
    actorRole: z.string(),
    action: z.string(),
    subject: z.string().nullable(),
    /** What was seen or done, as recorded (JSON text), or null. */
    detail: z.string().nullable(),
  })
  .strict();
export type AuditLogRow = z.infer<typeof auditLogRowSchema>;

export const listAuditLogReplySchema = z
  .object({
    /** Newest first. */
    rows: z.array(auditLogRowSchema),
    /** Matching rows on all pages. */
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  })
  .strict();
export type ListAuditLogReply = z.infer<typeof listAuditLogReplySchema>;

export const exportAuditLogRequestSchema = auditLogFilterSchema.extend({ format: z.literal('csv', { error: 'Format is "csv"' }) }).strict().superRefine(checkRangeOrder);

export const exportAuditLogReplySchema = z
  .object({
    /** e.g. deskline-audit-2026-11-29T1012.csv */
    fileName: z.string(),
    /** CSV with a UTF-8 BOM for Excel, columns id,at,actor_id,actor_role,action,subject,detail. */
    content: z.string(),
    count: z.number().int().nonnegative(),
  })
  .strict();
export type ExportAuditLogReply = z.infer<typeof exportAuditLogReplySchema>;

export const auditLogMethods = {
  listAuditLog: defineMethod({
    summary: 'Audit log rows matching the filters, newest first, one page at a time (S-6: admins only).',
    request: listAuditLogRequestSchema,
    reply: listAuditLogReplySchema,
    roles: ['admin'],
  }),
  exportAuditLog: defineMethod({
    summary: 'The audit log rows matching the filters as a CSV file, oldest first; the export is itself audited (S-6: admins only).',
    request: exportAuditLogRequestSchema,
    reply: exportAuditLogReplySchema,
    roles: ['admin'],
  }),
};
