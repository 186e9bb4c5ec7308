// Contract for the agent's availability state (Offline / Ready / Not ready with a reason code).
import { z } from 'zod';
import { dateRangeSchema } from './dateRange';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

/** Reasons an agent may choose; 'missed' is set by the system after ring-no-answer (S-1). */
export const selectableNotReadyReasons = ['break', 'lunch', 'training', 'meeting'] as const;
export const notReadyReasons = [...selectableNotReadyReasons, 'missed'] as const;
export const notReadyReasonSchema = z.enum(notReadyReasons);
export type NotReadyReason = z.infer<typeof notReadyReasonSchema>;

export const agentStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }).strict(),
  z.object({ kind: z.literal('ready') }).strict(),
  z.object({ kind: z.literal('notReady'), reason: notReadyReasonSchema }).strict(),
]);
export type AgentState = z.infer<typeof agentStateSchema>;

/** The states an agent may choose by hand (the system alone sets Not ready — Missed). */
export const selectableAgentStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offline') }).strict(),
  z.object({ kind: z.literal('ready') }).strict(),
  z.object({ kind: z.literal('notReady'), reason: z.enum(selectableNotReadyReasons) }).strict(),
]);
export type SelectableAgentState = z.infer<typeof selectableAgentStateSchema>;

export const agentStateViewSchema = z.object({
  state: agentStateSchema,
  /** Wall-clock epoch ms when the state began (for display). */
  sinceWall: z.number().int().nonnegative(),
  /** How long the state had lasted when this view was made; the UI counts on from here. */
  elapsedMs: z.number().nonnegative(),
});
export type AgentStateView = z.infer<typeof agentStateViewSchema>;

export const agentStateTotalsSchema = z
  .object({
    agentId: z.string(),
    readyMs: z.number(),
    offlineMs: z.number(),
    notReadyMs: z.number(),
    notReadyByReasonMs: z.record(z.string(), z.number()),
    handleMs: z.number(),
    occupancy: z.number().nullable(),
  })
  .strict();

export type AgentStateTotals = z.infer<typeof agentStateTotalsSchema>;

export const agentStateMethods = {
  getAgentStateTotals: defineMethod({
    summary: 'Per agent, for a date range: time ready, offline and not ready by reason, handle time and occupancy.',
    request: dateRangeSchema,
    reply: z.array(agentStateTotalsSchema),
    roles: ['teamLead', 'admin'],
  }),
  getAgentState: defineMethod({
    summary: 'The current agent state and how long it has lasted.',
    request: z.object({}).strict(),
    reply: agentStateViewSchema,
    roles: everyRole,
  }),
  setAgentState: defineMethod({
    summary: 'Change the agent state; agents may not pick the system-only reason "missed".',
    request: z.object({ state: selectableAgentStateSchema }).strict(),
    reply: agentStateViewSchema,
    roles: ['agent'],
  }),
};

export const agentStateEvents = {
  /** Pushed whenever the agent state changes, by the UI or by the system. */
  onAgentStateChanged: agentStateViewSchema,
};
