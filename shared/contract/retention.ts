// Contract for S-6 retention: an admin sets how many months customer data and notes are kept; a dry
// run counts what would go; a run (on demand after that dry run, and daily) anonymises customers
// and calls and deletes notes whose last activity is older than that. Admin only; every step audited.
import { z } from 'zod';
import { defineMethod } from './defineMethod';

/**
 * S-6 names no retention period, so none is assumed: retention is off until an admin chooses one.
 * Up to ten years: a longer period is no retention at all (turn it off instead), and bounding it
 * keeps the cutoff a real calendar date.
 */
export const retentionMonthsMin = 1;
export const retentionMonthsMax = 120;

export const retentionMonthsSchema = z
  .number()
  .int('Months must be a whole number.')
  .min(retentionMonthsMin, `Keep data for at least ${retentionMonthsMin} month (or turn retention off).`)
  .max(retentionMonthsMax, `Keep data for at most ${retentionMonthsMax} months (or turn retention off).`);

export const retentionSettingsSchema = z
  .object({
    /** Months customer data and notes are kept after their last activity; null: retention off (the default). */
    months: retentionMonthsSchema.nullable(),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;
export const defaultRetentionSettings: RetentionSettings = { months: null };

/** What a run changes (or, in a dry run, would change), per kind. */
export const retentionCountsSchema = z
  .object({
    /** Customers anonymised: name, organisation, tags, notes, consent and numbers removed. */
    customers: z.number().int().nonnegative(),
    /** Calls anonymised: caller name and number removed, unlinked from their customer, notes emptied. */
    calls: z.number().int().nonnegative(),
    /** Of those calls, how many had notes. */
    callNotes: z.number().int().nonnegative(),
    /** Saved note revisions deleted (every revision of those calls). */
    noteRevisions: z.number().int().nonnegative(),
  })
  .strict();
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;

export const retentionPreviewSchema = z
  .object({
    /** Pass to runRetention: a run does what this preview counted, with the same cutoff. */
    previewId: z.string(),
    months: z.number().int(),
    /** Wall-clock epoch ms: what was last active before this goes. */
    cutoff: z.number(),
    previewedAt: z.number(),
    /** Until then (wall-clock epoch ms) runRetention accepts this preview. */
    expiresAt: z.number(),
    counts: retentionCountsSchema,
  })
  .strict();
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const retentionRunSchema = z
  .object({
    trigger: z.enum(['manual', 'daily']),
    months: z.number().int(),
    cutoff: z.number(),
    startedAt: z.number(),
    finishedAt: z.number(),
    done: retentionCountsSchema,
    /** Why the run stopped early (what was done until then stays done), or null. */
    failure: z.string().nullable(),
  })
  .strict();
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionStatusSchema = z
  .object({
    ...retentionSettingsSchema.shape,
    /** The last run since the host started (manual or daily), or null. */
    lastRun: retentionRunSchema.nullable(),
    running: z.boolean(),
  })
  .strict();
export type RetentionStatus = z.infer<typeof retentionStatusSchema>;

export const retentionMethods = {
  getRetentionSettings: defineMethod({
    summary: 'The retention period (S-6), whether a run is in progress and the last run.',
    request: z.object({}).strict(),
    reply: retentionStatusSchema,
    roles: ['admin'],
  }),
  saveRetentionSettings: defineMethod({
    summary: 'Set the retention period in months (1–120) or turn retention off (null). Audited.',
    request: retentionSettingsSchema,
    reply: retentionStatusSchema,
    roles: ['admin'],
  }),
  previewRetention: defineMethod({
    summary: 'Dry run: count the customers, calls and notes a run would anonymise or delete now. Changes nothing; audited.',
    request: z.object({}).strict(),
    reply: retentionPreviewSchema,
    roles: ['admin'],
  }),
  runRetention: defineMethod({
    summary: 'Run retention now with the cutoff of a preview made in the last 15 minutes. One run at a time; audited.',
    request: z.object({ previewId: z.string().min(1).max(64) }).strict(),
    reply: retentionRunSchema,
    roles: ['admin'],
  }),
};
