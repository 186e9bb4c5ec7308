// Contract for searching the call log (full text in Chinese and English, filters, pages) and for
// exporting calls from the UI. S-6: customer numbers are masked unless the caller's role may see
// them, the host decides that (never the UI), and every search and export is written to the audit log.
import { z } from 'zod';
import { callOutcomes } from '../domain/callRecord';
import { matchExpression } from '../domain/searchTokens';
import { checkRangeOrder, rangeEdgeSchema } from './dateRange';
import { defineMethod } from './defineMethod';
import { everyRole, type Role } from './roles';

/**
 * S-6: the roles that may export full customer numbers: those that see every number in full
 * (shared/domain/customerNumberAccess.ts). An agent sees only their current caller's number, and a
 * file of a date range is never just that, so for everyone else an export is masked.
 */
export const rolesExportingFullNumbers: readonly Role[] = ['teamLead', 'admin'];
export const mayExportFullNumbers = (role: Role): boolean => rolesExportingFullNumbers.includes(role);

export const maxSearchPageSize = 100;
/** An export from the UI travels as one reply; bigger ranges go through `npm run report`. */
export const maxUiExportRows = 50_000;

const filterText = z.string().trim().min(1).max(64);
const directionSchema = z.enum(['inbound', 'outbound'], { error: 'Direction is "inbound" or "outbound"' });

export const searchCallsRequestSchema = z
  .object({
    /** Words or Chinese terms, all required; matches notes, caller name and number, and the call's customer. */
    text: z
      .string()
      .trim()
      .max(200, 'Search text is at most 200 characters')
      .refine((text) => text === '' || matchExpression(text) !== null, 'Search text needs letters, digits or Chinese characters')
      .optional(),
    from: rangeEdgeSchema('from').optional(),
    to: rangeEdgeSchema('to').optional(),
    agentId: filterText.optional(),
    /** A category id from the configured list (or one still on stored calls). */
    category: filterText.optional(),
    disposition: filterText.optional(),
    direction: directionSchema.optional(),
    /** 1-based. */
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(maxSearchPageSize, `At most ${maxSearchPageSize} rows a page`).default(20),
  })
  .strict()
  .superRefine(checkRangeOrder);
export type SearchCallsRequest = z.input<typeof searchCallsRequestSchema>;

export const callSearchRowSchema = z
  .object({
    callId: z.string(),
    agentId: z.string(),
    direction: directionSchema,
    /** S-6: masked (138****5678) unless the caller's role sees numbers in full. */
    remoteNumber: z.string(),
    remoteName: z.string().nullable(),
    /** Wall epoch ms. */
    startedAt: z.number(),
    outcome: z.enum(callOutcomes),
    category: z.string().nullable(),
    disposition: z.string().nullable(),
    /** Up to 120 characters of the notes, around the first searched term. */
    notesExcerpt: z.string(),
  })
  .strict();
export type CallSearchRow = z.infer<typeof callSearchRowSchema>;

export const searchCallsReplySchema = z
  .object({
    rows: z.array(callSearchRowSchema),
    /** Matching calls on all pages. */
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
    /** Whether remoteNumber is masked for this caller (S-6). */
    numbersMasked: z.boolean(),
  })
  .strict();
export type SearchCallsReply = z.infer<typeof searchCallsReplySchema>;

/** A list entry with its label per UI language (an id no longer configured is its own label). */
const filterChoiceSchema = z.object({ id: z.string(), en: z.string(), zh: z.string() }).strict();

export const callSearchOptionsSchema = z
  .object({
    /** Agents with at least one stored call. */
    agents: z.array(z.string()),
    /** The configured categories, then any still on stored calls but no longer configured. */
    categories: z.array(filterChoiceSchema),
    dispositions: z.array(filterChoiceSchema),
  })
  .strict();
export type CallSearchOptions = z.infer<typeof callSearchOptionsSchema>;

export const exportFormatSchema = z.enum(['csv', 'json'], { error: 'Format is "csv" or "json"' });

export const exportCallsRequestSchema = z
  .object({
    from: rangeEdgeSchema('from'),
    to: rangeEdgeSchema('to'),
    format: exportFormatSchema,
    /** S-6: full customer numbers in the file; team leads and admins only. */
    fullNumbers: z.boolean().default(false),
  })
  .strict()
  .superRefine(checkRangeOrder);

export const exportCallsReplySchema = z
  .object({
    /** e.g. deskline-calls-2026-11-01-to-2026-11-30.csv */
    fileName: z.string(),
    /** The file's text (CSV with a UTF-8 BOM for Excel, or JSON), columns as documented in the README. */
    content: z.string(),
    count: z.number().int().nonnegative(),
  })
  .strict();
export type ExportCallsReply = z.infer<typeof exportCallsReplySchema>;

export const callSearchMethods = {
  searchCalls: defineMethod({
    summary: 'Search calls by text (notes and customers, Chinese and English) and filters, newest first, one page at a time; audited (S-6).',
    request: searchCallsRequestSchema,
    reply: searchCallsReplySchema,
    roles: everyRole,
  }),
  getCallSearchOptions: defineMethod({
    summary: 'What the search filters can choose from: agents, categories and dispositions.',
    request: z.object({}).strict(),
    reply: callSearchOptionsSchema,
    roles: everyRole,
  }),
  exportCalls: defineMethod({
    summary: 'The calls of a date range as a CSV or JSON file; numbers masked unless a team lead or admin asks for them; audited (S-6).',
    request: exportCallsRequestSchema,
    reply: exportCallsReplySchema,
    roles: everyRole,
  }),
};
