// The whole renderer <-> main contract, declared once. Each feature contributes its own file;
// hosts, preload and renderer client all derive from these two maps.
import type { z } from 'zod';
import { agentStateEvents, agentStateMethods } from './agentState';
import { appInfoMethods } from './appInfo';
import { auditLogMethods } from './auditLog';
import { callClockEvents, callClockMethods } from './callClocks';
import { customerEvents, customerMethods } from './customers';
import { callLogEvents, callLogMethods } from './callLog';
import { workingCalendarEvents, workingCalendarMethods } from './workingCalendar';
import { callSearchMethods } from './callSearch';
import { dataStoreMethods } from './dataStore';
import { identityEvents, identityMethods } from './identity';
import { shellNoticeMethods } from './shellNotices';
import { phonePreferenceEvents, phonePreferenceMethods } from './phonePreferences';
import { retentionMethods } from './retention';
import type { MethodSpec } from './defineMethod';
import { softphoneEvents, softphoneMethods } from './softphone';

export const api = {
  ...appInfoMethods,
  ...agentStateMethods,
  ...softphoneMethods,
  ...dataStoreMethods,
  ...callClockMethods,
  ...customerMethods,
  ...phonePreferenceMethods,
  ...callLogMethods,
  ...workingCalendarMethods,
  ...callSearchMethods,
  ...shellNoticeMethods,
  ...auditLogMethods,
  ...retentionMethods,
  ...identityMethods,
} satisfies Record<string, MethodSpec>;

export const events = {
  ...agentStateEvents,
  ...softphoneEvents,
  ...callClockEvents,
  ...customerEvents,
  ...phonePreferenceEvents,
  ...callLogEvents,
  ...workingCalendarEvents,
  ...identityEvents,
} satisfies Record<`on${string}`, z.ZodType>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type EventName = keyof typeof events;

/** What a caller passes (before defaults are applied). */
export type RequestOf<M extends MethodName> = z.input<Api[M]['request']>;
/** What a handler receives (after validation). */
export type ParsedRequestOf<M extends MethodName> = z.output<Api[M]['request']>;
export type ReplyOf<M extends MethodName> = z.output<Api[M]['reply']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(api) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(api, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
