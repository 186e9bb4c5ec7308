// Service-standard due times (S-4 handoffs, S-5 complaints, S-7 callbacks) on a WorkingCalendar, and the on-track / due-soon / overdue status badges show.
import type { WorkingCalendar } from './workingCalendar';

/** S-5: a complaint is finished within 3 working days of receipt. */
export const complaintWorkingDays = 3;

/** S-7: customer calls are returned within 4 hours (*default*; the documents' example standard). */
export const callbackWorkingHours = 4;

/**
 * When a complaint must be finished (S-5): the close of business on the 3rd working day after
 * the day it was received (see WorkingCalendar.addWorkingDays for why the receipt day does not
 * count). `workingDays` is there for a recorded extension (S-5: "if more time is needed, tell the
 * customer"): pass the new total, e.g. 5.
 */
export function complaintDueAt(calendar: WorkingCalendar, receivedAtEpochMs: number, workingDays: number = complaintWorkingDays): number {
  return calendar.addWorkingDays(receivedAtEpochMs, workingDays);
}

/**
 * When a customer must be called back (S-7): 4 working hours (*default*) after the request.
 * Hours are working hours because an agent cannot return a call while the centre is closed; a
 * request made after closing starts counting at the next opening.
 */
export function callbackDueAt(calendar: WorkingCalendar, requestedAtEpochMs: number, workingHours: number = callbackWorkingHours): number {
  return calendar.addWorkingHours(requestedAtEpochMs, workingHours);
}

/**
 * The time limit written on a first-contact registration form (S-4: "the handler contacts the
 * customer and finishes within the set time limit"). The standard sets no number, so each form
 * carries its own limit, in working hours or in working days.
 */
export type HandoffLimit = { workingHours: number } | { workingDays: number };

/** When the handler must have finished a handed-over matter (S-4). */
export function handoffDueAt(calendar: WorkingCalendar, handedOverAtEpochMs: number, limit: HandoffLimit): number {
  if ('workingHours' in limit) return calendar.addWorkingHours(handedOverAtEpochMs, limit.workingHours);
  return calendar.addWorkingDays(handedOverAtEpochMs, limit.workingDays);
}

export type DueStatus = 'onTrack' | 'dueSoon' | 'overdue';

/**
 * The badge for a due time. Overdue only AFTER the due instant: "within 3 working days" still
 * holds at the due instant itself. Due soon when at most `dueSoonWindowMs` remains (inclusive).
 * The window is plain elapsed time, because the badge tells the agent how long they have now.
 */
export function dueStatus(nowEpochMs: number, dueAtEpochMs: number, dueSoonWindowMs: number): DueStatus {
  if (!Number.isFinite(nowEpochMs) || !Number.isFinite(dueAtEpochMs)) throw new Error('Instants must be finite epoch milliseconds.');
  if (!Number.isFinite(dueSoonWindowMs) || dueSoonWindowMs < 0) throw new Error('The due-soon window must be a finite number of ms, at least 0.');
  if (nowEpochMs > dueAtEpochMs) return 'overdue';
  if (dueAtEpochMs - nowEpochMs <= dueSoonWindowMs) return 'dueSoon';
  return 'onTrack';
}
