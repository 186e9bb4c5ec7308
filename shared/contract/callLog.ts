// Contract for what the agent writes into a call's record (S-3): notes saved as revisions while
// typing, category and disposition from configurable lists, and the lists themselves.
import { z } from 'zod';
import { describeNoteProblem, noteProblem } from '../domain/noteText';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

const callIdSchema = z.string().min(1).max(200);

/** A list entry: a stable id for the store and reports, and a label per UI language. */
export const recordChoiceSchema = z
  .object({
    id: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'An id is letters, digits, - and _'),
    en: z.string().trim().min(1).max(80),
    zh: z.string().trim().min(1).max(80),
  })
  .strict();
export type RecordChoice = z.infer<typeof recordChoiceSchema>;

const uniqueIds = (list: RecordChoice[]) => new Set(list.map((c) => c.id)).size === list.length;

export const callRecordSettingsSchema = z
  .object({
    categories: z.array(recordChoiceSchema).min(1).max(50).refine(uniqueIds, 'Each category id must be different'),
    dispositions: z.array(recordChoiceSchema).min(1).max(50).refine(uniqueIds, 'Each disposition id must be different'),
    /** Wrap-up cannot be finished until the call has a disposition. */
    dispositionRequired: z.boolean(),
  })
  .strict();
export type CallRecordSettings = z.infer<typeof callRecordSettingsSchema>;

export const defaultCallRecordSettings: CallRecordSettings = {
  categories: [
    { id: 'consultation', en: 'Consultation', zh: '咨询' },
    { id: 'complaint', en: 'Complaint', zh: '投诉' },
    { id: 'repair', en: 'Repair', zh: '报修' },
    { id: 'suggestion', en: 'Suggestion', zh: '建议' },
    { id: 'praise', en: 'Praise', zh: '表扬' },
    { id: 'other', en: 'Other', zh: '其他' },
  ],
  dispositions: [
    { id: 'resolved', en: 'Resolved on the call', zh: '当场解决' },
    { id: 'callback', en: 'Callback promised', zh: '约定回电' },
    { id: 'handoff', en: 'Handed off (first-contact form)', zh: '已转办（首问登记）' },
    { id: 'transferred', en: 'Transferred', zh: '已转接' },
    { id: 'noAction', en: 'No action needed', zh: '无需处理' },
  ],
  dispositionRequired: false,
};

/** The note text as sent: size and binary checks give the same message the editor shows. */
export const noteTextSchema = z.string().superRefine((text, ctx) => {
  const problem = noteProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: describeNoteProblem(problem) });
});

export const noteViewSchema = z
  .object({
    text: z.string(),
    /** 0 before the first save. */
    revision: z.number().int().nonnegative(),
    savedAt: z.number().nullable(),
    /** Some revision was written after the call's record was closed (wrap-up over). */
    amended: z.boolean(),
  })
  .strict();

export const callRecordFormSchema = z
  .object({
    callId: z.string(),
    note: noteViewSchema,
    category: z.string().nullable(),
    disposition: z.string().nullable(),
    /** The record is closed (call and wrap-up over): further note saves are amendments. */
    closed: z.boolean(),
  })
  .strict();
export type CallRecordForm = z.infer<typeof callRecordFormSchema>;

export const noteRevisionSchema = z
  .object({ revision: z.number().int().positive(), text: z.string(), savedAt: z.number(), isAmendment: z.boolean(), authorId: z.string() })
  .strict();
export type NoteRevision = z.infer<typeof noteRevisionSchema>;

export const callLogMethods = {
  getCallRecordSettings: defineMethod({
    summary: 'The category and disposition lists, and whether a disposition is required.',
    request: z.object({}).strict(),
    reply: callRecordSettingsSchema,
    roles: everyRole,
  }),
  saveCallRecordSettings: defineMethod({
    summary: 'Change the category and disposition lists (team lead, admin).',
    request: callRecordSettingsSchema,
    reply: callRecordSettingsSchema,
    roles: ['teamLead', 'admin'],
    audit: { action: 'settings.change' }, // S-6
  }),
  getCallRecordForm: defineMethod({
    summary: "A call's notes (latest revision), category and disposition.",
    request: z.object({ callId: callIdSchema }).strict(),
    reply: callRecordFormSchema,
    roles: everyRole,
  }),
  saveCallNote: defineMethod({
    summary: 'Save the note as a new revision (autosave while typing; after the record is closed it is an amendment).',
    request: z.object({ callId: callIdSchema, text: noteTextSchema }).strict(),
    reply: z.object({ revision: z.number().int().nonnegative(), savedAt: z.number(), isAmendment: z.boolean() }).strict(),
    roles: ['agent', 'teamLead', 'admin'],
  }),
  setCallClassification: defineMethod({
    summary: "Set the call's category and/or disposition (ids from the configured lists; null clears; left out: unchanged).",
    // Each field is optional so two quick choices (category, then disposition) cannot undo each other.
    request: z
      .object({ callId: callIdSchema, category: z.string().max(40).nullable().optional(), disposition: z.string().max(40).nullable().optional() })
      .strict(),
    reply: callRecordFormSchema,
    roles: ['agent', 'teamLead', 'admin'],
  }),
  listNoteRevisions: defineMethod({
    summary: "Every saved revision of a call's note, oldest first (QA replays them).",
    request: z.object({ callId: callIdSchema }).strict(),
    reply: z.array(noteRevisionSchema),
    roles: everyRole,
  }),
};

export const callLogEvents = {
  onCallRecordSettingsChanged: callRecordSettingsSchema,
};
