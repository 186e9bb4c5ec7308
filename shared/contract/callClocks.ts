// Contract for the service-standard clocks that run during calls: the ring counter (S-1), guided
// hold (S-2) and wrap-up, their settings, and the notices they raise (Not ready — Missed).
import { z } from 'zod';
import { selectableAgentStateSchema } from './agentState';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

// ---------- settings ----------

export const ringCadenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('china') }).strict(),
  z.object({ kind: z.literal('northAmerica') }).strict(),
  z.object({ kind: z.literal('uk') }).strict(),
  z
    .object({
      kind: z.literal('custom'),
      onMs: z.number().int().min(100, 'A ring lasts at least 100 ms').max(10_000),
      offMs: z.number().int().min(0).max(20_000),
    })
    .strict(),
]);

export const clockSettingsSchema = z
  .object({
    /** S-1.3: how rings are counted (China 1 s on / 4 s off by default). */
    ringCadence: ringCadenceSchema,
    /** Ring-no-answer after this many rings (default 6). */
    missedAfterRings: z.number().int().min(2).max(30),
    /** After ring-no-answer, put the agent in "Not ready — Missed" with a notice. */
    missedSetsNotReady: z.boolean(),
    /** Wrap-up (after-call work) limit in seconds (default 60). */
    wrapUpLimitSec: z.number().int().min(10).max(1_800),
    /** S-2: after the promised hold time, prompt the agent again at this interval (default 45 s). */
    holdCheckInIntervalSec: z.number().int().min(10).max(600),
    /** S-2: Hold opens the hold steps first (ask, wait, reason, expected time). Off: Hold holds at once. */
    guidedHold: z.boolean(),
  })
  .strict();
export type ClockSettings = z.infer<typeof clockSettingsSchema>;

export const defaultClockSettings: ClockSettings = {
  ringCadence: { kind: 'china' },
  missedAfterRings: 6,
  missedSetsNotReady: true,
  wrapUpLimitSec: 60,
  holdCheckInIntervalSec: 45,
  guidedHold: true,
};

// ---------- live state ----------

/** S-1: where a ring stands against the three-ring standard. */
export const ringStandingSchema = z.enum(['within', 'last', 'missed']);
export type RingStanding = z.infer<typeof ringStandingSchema>;

export const ringCountSchema = z
  .object({
    callId: z.string(),
    ring: z.number().int().positive(),
    standing: ringStandingSchema,
    /** Wall-clock ms of the ideal ring boundary (for measuring how late the event arrives). */
    boundaryWall: z.number(),
    /** Length of one ring cycle, so the UI can show a ring tone in step. */
    cycleMs: z.number().int().positive(),
  })
  .strict();
export type RingCount = z.infer<typeof ringCountSchema>;

export const holdStepSchema = z.enum(['askPermission', 'waitForAnswer', 'giveReason', 'giveExpectedTime']);

export const holdGuideViewSchema = z
  .object({
    callId: z.string(),
    phase: z.enum(['idle', 'guiding', 'onHold']),
    step: holdStepSchema.nullable(),
    /** While on hold: the promise, and elapsed time when this view was made (the UI counts on). */
    promisedMs: z.number().nullable(),
    elapsedMs: z.number().nullable(),
    /** Check-ins raised so far; `checkInPending` until the agent has updated the caller. */
    checkInsDue: z.number().int().nonnegative(),
    checkInPending: z.boolean(),
    /** Just resumed: prompt "thank the caller for waiting". */
    thankCaller: z.boolean(),
  })
  .strict();
export type HoldGuideView = z.infer<typeof holdGuideViewSchema>;

export const wrapUpViewSchema = z
  .object({
    callId: z.string(),
    running: z.boolean(),
    elapsedMs: z.number(),
    limitMs: z.number(),
    extended: z.boolean(),
    /** Where the agent goes when wrap-up ends. */
    after: selectableAgentStateSchema,
    endedBy: z.enum(['agent', 'expired']).nullable(),
  })
  .strict();
export type WrapUpView = z.infer<typeof wrapUpViewSchema>;

export const clockNoticeSchema = z
  .object({
    kind: z.literal('missedCall'),
    callId: z.string(),
    number: z.string(),
    rings: z.number().int().positive(),
    /** Whether the agent was set to Not ready — Missed. */
    setNotReady: z.boolean(),
  })
  .strict();
export type ClockNotice = z.infer<typeof clockNoticeSchema>;

export const callClocksStateSchema = z
  .object({
    rings: z.array(ringCountSchema),
    holds: z.array(holdGuideViewSchema),
    wrapUp: wrapUpViewSchema.nullable(),
  })
  .strict();
export type CallClocksState = z.infer<typeof callClocksStateSchema>;

const callIdRequest = z.object({ callId: z.string().min(1).max(256) }).strict();
const agentOnly = ['agent'] as const;

export const callClockMethods = {
  getClockSettings: defineMethod({
    summary: 'Ring cadence, missed-call handling, wrap-up limit and hold check-in interval.',
    request: z.object({}).strict(),
    reply: clockSettingsSchema,
    roles: everyRole,
  }),
  saveClockSettings: defineMethod({
    summary: 'Change the clock settings (the service standards are the team lead’s to set).',
    request: clockSettingsSchema,
    reply: clockSettingsSchema,
    roles: ['teamLead', 'admin'],
    audit: { action: 'settings.change' }, // S-6
  }),
  getCallClocks: defineMethod({
    summary: 'Ring counts, hold guides and wrap-up now (for a renderer that just loaded).',
    request: z.object({}).strict(),
    reply: callClocksStateSchema,
    roles: everyRole,
  }),
  startHoldSteps: defineMethod({
    summary: 'S-2: Hold pressed — open the hold steps at "ask the caller whether they can wait".',
    request: callIdRequest,
    reply: holdGuideViewSchema,
    roles: agentOnly,
  }),
  nextHoldStep: defineMethod({ summary: 'S-2: this hold step is done; show the next.', request: callIdRequest, reply: holdGuideViewSchema, roles: agentOnly }),
  cancelHoldSteps: defineMethod({
    summary: 'The caller cannot wait (or the agent backs out): close the steps without holding.',
    request: callIdRequest,
    reply: holdGuideViewSchema,
    roles: agentOnly,
  }),
  holdWithPromise: defineMethod({
    summary: 'S-2: the expected time was given — put the call on hold and time it against the promise.',
    request: z.object({ callId: z.string().min(1).max(256), promisedMs: z.number().int().min(5_000).max(3_600_000) }).strict(),
    reply: holdGuideViewSchema,
    roles: agentOnly,
  }),
  callerUpdatedOnHold: defineMethod({
    summary: 'S-2: the agent went back on the line and updated the caller after a check-in prompt.',
    request: callIdRequest,
    reply: holdGuideViewSchema,
    roles: agentOnly,
  }),
  chooseAfterWrapUp: defineMethod({
    summary: 'Where the agent goes when wrap-up ends: Ready (default) or a Not ready reason.',
    request: z.object({ after: selectableAgentStateSchema }).strict(),
    reply: wrapUpViewSchema,
    roles: agentOnly,
  }),
  extendWrapUp: defineMethod({
    summary: 'Give the current wrap-up more time, once.',
    request: z.object({ extraSec: z.number().int().min(10).max(600) }).strict(),
    reply: wrapUpViewSchema,
    roles: agentOnly,
  }),
  endWrapUp: defineMethod({
    summary: 'The after-call work is done: end wrap-up now.',
    request: z.object({}).strict(),
    reply: wrapUpViewSchema,
    roles: agentOnly,
  }),
};

export const callClockEvents = {
  /** A new ring started on an incoming call (role "status", label "Ring count" in the UI). */
  onRingCount: ringCountSchema,
  onHoldGuideChanged: holdGuideViewSchema,
  onWrapUpChanged: wrapUpViewSchema,
  /** Something the agent must notice (ring-no-answer set Not ready — Missed). */
  onClockNotice: clockNoticeSchema,
  /** A team lead changed the clock settings (e.g. guided hold on or off). */
  onClockSettingsChanged: clockSettingsSchema,
};
