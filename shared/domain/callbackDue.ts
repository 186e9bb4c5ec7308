// S-7: when a missed caller must be called back, and the badge for it now. Pure, so the host and
// the renderer (which re-evaluates the badge as time passes) agree on every due time.
import { callbackDueAt, dueStatus, type DueStatus } from './dueDates';
import { WorkingCalendar } from './workingCalendar';

export interface CallbackRules {
  timeZone: string;
  holidays: readonly string[];
  makeUpDays: readonly string[];
  callbackWorkingHours: number;
  dueSoonMinutes: number;
}

export function calendarOf(rules: CallbackRules): WorkingCalendar {
  return new WorkingCalendar({ timeZone: rules.timeZone, holidays: rules.holidays, makeUpDays: rules.makeUpDays });
}

export function callbackDue(calendar: WorkingCalendar, rules: CallbackRules, missedAtWall: number, nowWall: number): { dueAt: number; status: DueStatus } {
  const dueAt = callbackDueAt(calendar, missedAtWall, rules.callbackWorkingHours);
  return { dueAt, status: dueStatus(nowWall, dueAt, rules.dueSoonMinutes * 60_000) };
}
