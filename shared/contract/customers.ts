// Contract for customer records: the screen pop while a call rings, look-up, create and edit with
// several numbers, search, contact history and click-to-dial. S-6: every number in a reply or event
// is already masked or not by the core for the caller's role; the renderer never decides.
import { z } from 'zod';
import { normalizePhoneNumber } from '../domain/phoneMasking';
import { defineMethod } from './defineMethod';
import type { Role } from './roles';
import { callDirectionSchema, callViewSchema } from './softphone';

/** S-6: every role with a reason to read customer records (QA reads them masked). */
const readers: readonly Role[] = ['agent', 'teamLead', 'qa', 'admin'];
/** Only those who talk to or look after customers change their records. */
const writers: readonly Role[] = ['agent', 'teamLead', 'admin'];

const customerIdSchema = z.string().min(1).max(64);

/** A number as typed: normalized later, but rejected here with the reason when it is malformed. */
const typedNumberSchema = z
  .string()
  .max(64)
  .superRefine((text, ctx) => {
    try {
      normalizePhoneNumber(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

/** A number as the viewer may see it (S-6): full, or masked as 138****5678. */
export const customerNumberViewSchema = z
  .object({
    /** Position in the record: what dialCustomer and saveCustomer's `keep` refer to. */
    index: z.number().int().nonnegative(),
    number: z.string(),
    /** True when `number` is masked for this viewer (S-6). */
    masked: z.boolean(),
    label: z.string().nullable(),
  })
  .strict();
export type CustomerNumberView = z.infer<typeof customerNumberViewSchema>;

/** One past call of the customer, newest first in lists. */
export const customerCallSchema = z
  .object({
    callId: z.string(),
    direction: callDirectionSchema,
    /** The remote number of that call, masked per the viewer's role (S-6). */
    number: z.string(),
    agentId: z.string(),
    outcome: z.string(),
    startedAt: z.number(),
    talkMs: z.number(),
    category: z.string().nullable(),
    disposition: z.string().nullable(),
    notes: z.string(),
  })
  .strict();
export type CustomerCall = z.infer<typeof customerCallSchema>;

/** What the agent needs to greet a caller: the screen-pop card (one per matching customer). */
export const customerSummarySchema = z
  .object({
    customerId: z.string(),
    name: z.string(),
    organisation: z.string().nullable(),
    tags: z.array(z.string()),
    /** S-6: whether the customer agreed to their data being kept, and when that was recorded. */
    consent: z.boolean(),
    consentAt: z.number().nullable(),
    /** S-4 first-contact handoffs not yet closed. */
    openHandoffs: z.number().int().nonnegative(),
    /** S-5 complaints not yet resolved. */
    openComplaints: z.number().int().nonnegative(),
    /** The last three calls across all the customer's numbers, newest first. */
    lastCalls: z.array(customerCallSchema).max(3),
  })
  .strict();
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const customerViewSchema = z
  .object({
    ...customerSummarySchema.shape,
    numbers: z.array(customerNumberViewSchema),
    notes: z.string(),
    createdAt: z.number(),
    /** Pass back as saveCustomer's expectedUpdatedAt so a concurrent edit is not overwritten. */
    updatedAt: z.number(),
  })
  .strict();
export type CustomerView = z.infer<typeof customerViewSchema>;

/** Shown on an incoming call: who it may be. Several matches: the agent picks (linkCallCustomer). */
export const screenPopSchema = z
  .object({
    callId: z.string(),
    /** The caller's number, masked per the role rule (S-6). */
    number: z.string(),
    matches: z.array(customerSummarySchema),
    /**
     * The customer this call is linked to: set at once when exactly one matches and the caller ID
     * is verified; otherwise when the agent picks or confirms the customer (linkCallCustomer).
     */
    linkedCustomerId: z.string().nullable(),
    /** The caller ID was asserted by the SIP server (RemoteParty.verified); false: shown as "unverified" (S-6). */
    callerIdVerified: z.boolean(),
  })
  .strict();
export type ScreenPop = z.infer<typeof screenPopSchema>;

const numberEntrySchema = z.union([
  /** A number typed by the agent (normalized by the core: "+86 (138) 0013-5678" → "+8613800135678"). */
  z.object({ number: typedNumberSchema, label: z.string().trim().max(40).nullable().default(null) }).strict(),
  /** Keep the record's number at this index, which the agent may only see masked (S-6). */
  z.object({ keep: z.number().int().nonnegative(), label: z.string().trim().max(40).nullable().default(null) }).strict(),
]);
export type CustomerNumberEntry = z.infer<typeof numberEntrySchema>;

export const saveCustomerSchema = z
  .object({
    /** Omit to create a customer; give it to edit one. */
    customerId: customerIdSchema.optional(),
    /** The updatedAt the agent edited; a newer record in the store answers CONFLICT. */
    expectedUpdatedAt: z.number().optional(),
    name: z.string().trim().min(1, 'Enter the customer’s name').max(200),
    organisation: z.string().trim().max(200).nullable().default(null),
    numbers: z.array(numberEntrySchema).max(20),
    tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
    /** S-6: the customer agreed that their data is kept. The core records when this was first given. */
    consent: z.boolean(),
    notes: z.string().max(10_000).default(''),
  })
  .strict();
export type SaveCustomer = z.input<typeof saveCustomerSchema>;

const pageSchema = z.object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.string().max(100).nullable().default(null) });

export const customerMethods = {
  getScreenPops: defineMethod({
    summary: 'The screen pops of the calls in progress (for a renderer that just loaded while a call rings).',
    request: z.object({}).strict(),
    reply: z.array(screenPopSchema),
    roles: ['agent'],
  }),
  lookupCustomersByNumber: defineMethod({
    summary: 'The customers that have this number (several when a number is shared). Audited (S-6).',
    request: z.object({ number: typedNumberSchema }).strict(),
    reply: z.array(customerSummarySchema),
    roles: readers,
  }),
  linkCallCustomer: defineMethod({
    summary: 'The agent picked who is calling: link the call to the customer and open the record.',
    request: z.object({ callId: z.string().min(1).max(256), customerId: customerIdSchema }).strict(),
    reply: customerViewSchema,
    roles: ['agent'],
  }),
  getCustomer: defineMethod({
    summary: 'One customer record with numbers masked per role (S-6). Audited.',
    request: z.object({ customerId: customerIdSchema }).strict(),
    reply: customerViewSchema,
    roles: readers,
  }),
  saveCustomer: defineMethod({
    summary: 'Create or edit a customer: name, numbers (each normalized), tags, consent. All or nothing; audited.',
    request: saveCustomerSchema,
    reply: customerViewSchema,
    roles: writers,
  }),
  searchCustomers: defineMethod({
    summary: 'Find customers by name, organisation, tags or notes (Chinese or English), or by a number. Audited.',
    request: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    reply: z.array(customerSummarySchema),
    roles: readers,
  }),
  customerHistory: defineMethod({
    summary: 'The customer’s calls across all their numbers, newest first, a page at a time. Audited.',
    request: z.object({ customerId: customerIdSchema, ...pageSchema.shape }).strict(),
    reply: z.object({ calls: z.array(customerCallSchema), nextCursor: z.string().nullable() }).strict(),
    roles: readers,
  }),
  dialCustomer: defineMethod({
    summary: 'Click to dial one of the customer’s numbers by index, so a masked number never reaches the UI (S-6).',
    request: z.object({ customerId: customerIdSchema, index: z.number().int().nonnegative() }).strict(),
    reply: callViewSchema,
    roles: ['agent'],
  }),
};

export const customerEvents = {
  /** An inbound call started ringing: who it may be, before the agent answers. */
  onScreenPop: screenPopSchema,
};
