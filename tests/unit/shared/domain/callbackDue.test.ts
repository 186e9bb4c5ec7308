// S-7 callback due times for missed calls on the configured working calendar, and the badge.
import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendarSettings, workingCalendarSettingsSchema } from '../../../../shared/contract/workingCalendar';
import { calendarOf, callbackDue } from '../../../../shared/domain/callbackDue';

// Asia/Shanghai is UTC+8 all year: 09:00 local = 01:00Z.
const at = (iso: string) => Date.parse(iso);
const rules = { ...defaultWorkingCalendarSettings };

describe('callback due (S-7, 4 working hours by default)', () => {
  it('a call missed Friday 16:00 is due Monday 11:00; a due time in the past is overdue, within the hour due soon', () => {
    const calendar = calendarOf(rules);
    const missed = at('2026-11-20T16:00:00+08:00');
    const due = callbackDue(calendar, rules, missed, missed);
    expect(new Date(due.dueAt).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(due.status).toBe('onTrack');
    expect(callbackDue(calendar, rules, missed, due.dueAt - 60 * 60_000).status).toBe('dueSoon');
    expect(callbackDue(calendar, rules, missed, due.dueAt - 60 * 60_000 - 1).status).toBe('onTrack');
    expect(callbackDue(calendar, rules, missed, due.dueAt).status).toBe('dueSoon');
    expect(callbackDue(calendar, rules, missed, due.dueAt + 1).status).toBe('overdue');
  });

  it('skips a configured holiday and counts a 调休 make-up Saturday', () => {
    const withDays = { ...rules, holidays: ['2026-11-23'], makeUpDays: ['2026-11-21'] };
    const calendar = calendarOf(withDays);
    const missed = at('2026-11-20T16:00:00+08:00');
    // Friday 16:00–18:00 (2 h) + Saturday make-up day 09:00–11:00 (2 h).
    expect(new Date(callbackDue(calendar, withDays, missed, missed).dueAt).toISOString()).toBe('2026-11-21T03:00:00.000Z');
    const noMakeUp = { ...rules, holidays: ['2026-11-23'] };
    // Monday is a holiday: Tuesday 11:00.
    expect(new Date(callbackDue(calendarOf(noMakeUp), noMakeUp, missed, missed).dueAt).toISOString()).toBe('2026-11-24T03:00:00.000Z');
  });

  it('a missed call after closing starts counting at the next opening; the limit is a setting', () => {
    const eight = { ...rules, callbackWorkingHours: 8 };
    const missed = at('2026-11-24T21:30:00+08:00');
    expect(new Date(callbackDue(calendarOf(eight), eight, missed, missed).dueAt).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('the settings refuse impossible dates, a day both holiday and make-up day, and unknown time zones', () => {
    const parse = (patch: object) => workingCalendarSettingsSchema.safeParse({ ...defaultWorkingCalendarSettings, ...patch });
    expect(parse({ holidays: ['2026-10-01', '2026-10-02'] }).success).toBe(true);
    expect(parse({ holidays: ['2026-02-30'] }).error?.issues[0]?.message).toBe('No such date');
    expect(parse({ holidays: ['1 Oct'] }).error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(parse({ holidays: ['2026-10-08'], makeUpDays: ['2026-10-08'] }).error?.issues[0]?.message).toMatch(/both a holiday and a make-up day/);
    expect(parse({ timeZone: 'Mars/Olympus' }).error?.issues[0]?.message).toMatch(/Unknown time zone/);
  });
});
