// The working-day calendar: weekends, holidays, 调休 make-up days, midnight, opening/closing edges, lunch breaks and DST changes, with hand-computed expected instants.
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../../../shared/domain/workingCalendar';

// Expected instants are written as wall time with the zone's offset, worked out by hand:
// Asia/Shanghai is always +08:00; New York is -05:00 (EST) / -04:00 (EDT), London +00:00 / +01:00.
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset);
const hours = (h: number): number => h * 3_600_000;
const minutes = (m: number): number => m * 60_000;

// 2025 National Day and Mid-Autumn: 1–8 Oct off; Sun 28 Sep and Sat 11 Oct are worked (调休).
const nationalDay2025 = new WorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpDays: ['2025-09-28', '2025-10-11'],
});

const shanghai = new WorkingCalendar();
const newYork = new WorkingCalendar({ timeZone: 'America/New_York' });
const london = new WorkingCalendar({ timeZone: 'Europe/London' });

const lunchDay = [
  { open: '09:00', close: '12:00' },
  { open: '13:00', close: '18:00' },
];
const withLunch = new WorkingCalendar({
  hours: { monday: lunchDay, tuesday: lunchDay, wednesday: lunchDay, thursday: lunchDay, friday: lunchDay },
  makeUpDays: ['2025-03-08'],
});

const allDay = [{ open: '00:00', close: '24:00' }];
const newYork24x7 = new WorkingCalendar({
  timeZone: 'America/New_York',
  hours: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay, sunday: allDay },
});

describe('WorkingCalendar defaults', () => {
  it('uses Asia/Shanghai and Mon–Fri 09:00–18:00', () => {
    expect(shanghai.timeZone).toBe('Asia/Shanghai');
    expect(shanghai.periodsOn('2025-03-03')).toEqual([[at('2025-03-03T01:00:00Z'), at('2025-03-03T10:00:00Z')]]);
    expect(shanghai.periodsOn('2025-03-08')).toEqual([]);
    expect(shanghai.periodsOn('2025-03-09')).toEqual([]);
  });

  it('reads the local date in the zone, not in UTC', () => {
    // 2025-03-07T16:30Z is Saturday 00:30 in Shanghai but still Friday in UTC.
    expect(shanghai.localDateOf(at('2025-03-07T16:30:00Z'))).toBe('2025-03-08');
    expect(shanghai.localDateOf(at('2025-03-07T15:59:59.999Z'))).toBe('2025-03-07');
    // 2025-11-01T02:00Z is Friday 22:00 EDT in New York.
    expect(newYork.localDateOf(at('2025-11-01T02:00:00Z'))).toBe('2025-10-31');
  });
});

describe('isWorkingDay', () => {
  it('weekdays are working days, weekends are not', () => {
    expect(shanghai.isWorkingDay('2025-03-03')).toBe(true); // Mon
    expect(shanghai.isWorkingDay('2025-03-07')).toBe(true); // Fri
    expect(shanghai.isWorkingDay('2025-03-08')).toBe(false); // Sat
    expect(shanghai.isWorkingDay('2025-03-09')).toBe(false); // Sun
  });

  it('holidays are not working days even on weekdays; make-up days are working days on weekends', () => {
    expect(nationalDay2025.isWorkingDay('2025-09-30')).toBe(true); // Tue before the holiday
    expect(nationalDay2025.isWorkingDay('2025-10-01')).toBe(false); // Wed, holiday
    expect(nationalDay2025.isWorkingDay('2025-10-08')).toBe(false); // Wed, last holiday
    expect(nationalDay2025.isWorkingDay('2025-10-09')).toBe(true); // Thu
    expect(nationalDay2025.isWorkingDay('2025-09-27')).toBe(false); // Sat
    expect(nationalDay2025.isWorkingDay('2025-09-28')).toBe(true); // Sun, make-up
    expect(nationalDay2025.isWorkingDay('2025-10-11')).toBe(true); // Sat, make-up
    expect(nationalDay2025.isWorkingDay('2025-10-12')).toBe(false); // Sun
  });

  it('an instant is judged by its local date in the zone (midnight boundary)', () => {
    expect(shanghai.isWorkingDay(at('2025-03-07T23:59:59.999+08:00'))).toBe(true); // Fri
    expect(shanghai.isWorkingDay(at('2025-03-08T00:00:00+08:00'))).toBe(false); // Sat 00:00
    expect(shanghai.isWorkingDay(at('2025-03-07T16:30:00Z'))).toBe(false); // Sat 00:30 local, Fri in UTC
    expect(newYork.isWorkingDay(at('2025-11-01T02:00:00Z'))).toBe(true); // Fri 22:00 EDT, Sat in UTC
  });

  it('weekday hours can be overridden; null closes a weekday', () => {
    const sixDays = new WorkingCalendar({ hours: { saturday: [{ open: '10:00', close: '14:00' }], friday: null } });
    expect(sixDays.isWorkingDay('2025-03-07')).toBe(false); // Fri closed
    expect(sixDays.isWorkingDay('2025-03-08')).toBe(true); // Sat open
    expect(sixDays.isWorkingDay('2025-03-06')).toBe(true); // Thu keeps the default
  });
});

describe('isWorkingTime', () => {
  it('periods are [open, close): opening counts, closing does not', () => {
    expect(shanghai.isWorkingTime(at('2025-03-03T08:59:59.999+08:00'))).toBe(false);
    expect(shanghai.isWorkingTime(at('2025-03-03T09:00:00+08:00'))).toBe(true);
    expect(shanghai.isWorkingTime(at('2025-03-03T17:59:59.999+08:00'))).toBe(true);
    expect(shanghai.isWorkingTime(at('2025-03-03T18:00:00+08:00'))).toBe(false);
    expect(shanghai.isWorkingTime(at('2025-03-08T10:00:00+08:00'))).toBe(false); // Sat
  });

  it('a lunch break is not working time', () => {
    expect(withLunch.isWorkingTime(at('2025-03-03T11:59:00+08:00'))).toBe(true);
    expect(withLunch.isWorkingTime(at('2025-03-03T12:00:00+08:00'))).toBe(false);
    expect(withLunch.isWorkingTime(at('2025-03-03T12:30:00+08:00'))).toBe(false);
    expect(withLunch.isWorkingTime(at('2025-03-03T13:00:00+08:00'))).toBe(true);
  });
});

describe('addWorkingDays: close of business on the Nth working day after the day of the start', () => {
  it('the start day never counts, whatever the time of day', () => {
    // Mon 3 Mar → Tue (1), Wed (2), Thu (3) → Thu 18:00.
    expect(shanghai.addWorkingDays(at('2025-03-03T10:00:00+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00'));
    expect(shanghai.addWorkingDays(at('2025-03-03T09:00:00+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00')); // at opening
    expect(shanghai.addWorkingDays(at('2025-03-03T18:00:00+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00')); // at closing
    expect(shanghai.addWorkingDays(at('2025-03-03T07:00:00+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00')); // before opening
    expect(shanghai.addWorkingDays(at('2025-03-03T20:00:00+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00')); // after closing
  });

  it('midnight decides the start day in the calendar zone', () => {
    expect(shanghai.addWorkingDays(at('2025-03-03T23:59:59.999+08:00'), 3)).toBe(at('2025-03-06T18:00:00+08:00'));
    // Tue 00:00 Shanghai is still Monday 16:00 in UTC; the start day is Tuesday.
    expect(shanghai.addWorkingDays(at('2025-03-04T00:00:00+08:00'), 3)).toBe(at('2025-03-07T18:00:00+08:00'));
  });

  it('skips weekends', () => {
    // Thu 6 Mar → Fri 7 (1), Mon 10 (2), Tue 11 (3).
    expect(shanghai.addWorkingDays(at('2025-03-06T10:00:00+08:00'), 3)).toBe(at('2025-03-11T18:00:00+08:00'));
    // Fri 17:59 → Mon 10 (1).
    expect(shanghai.addWorkingDays(at('2025-03-07T17:59:00+08:00'), 1)).toBe(at('2025-03-10T18:00:00+08:00'));
    // Sat 8 Mar → Mon 10 (1), Tue 11 (2), Wed 12 (3).
    expect(shanghai.addWorkingDays(at('2025-03-08T12:00:00+08:00'), 3)).toBe(at('2025-03-12T18:00:00+08:00'));
    // Sun 9 Mar 23:00 → Mon 10 (1), Tue 11 (2), Wed 12 (3).
    expect(shanghai.addWorkingDays(at('2025-03-09T23:00:00+08:00'), 3)).toBe(at('2025-03-12T18:00:00+08:00'));
  });

  it('skips holidays and counts make-up days', () => {
    // Fri 26 Sep → Sun 28 (1, make-up), Mon 29 (2), Tue 30 (3).
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T10:00:00+08:00'), 3)).toBe(at('2025-09-30T18:00:00+08:00'));
    // Tue 30 Sep → 1–8 Oct off → Thu 9 (1), Fri 10 (2), Sat 11 (3, make-up).
    expect(nationalDay2025.addWorkingDays(at('2025-09-30T15:00:00+08:00'), 3)).toBe(at('2025-10-11T18:00:00+08:00'));
    // Received during the holiday: Fri 3 Oct → Thu 9 (1), Fri 10 (2), Sat 11 (3).
    expect(nationalDay2025.addWorkingDays(at('2025-10-03T11:00:00+08:00'), 3)).toBe(at('2025-10-11T18:00:00+08:00'));
    // Received on the make-up Sunday: Mon 29 (1), Tue 30 (2), Thu 9 Oct (3).
    expect(nationalDay2025.addWorkingDays(at('2025-09-28T17:00:00+08:00'), 3)).toBe(at('2025-10-09T18:00:00+08:00'));
    // Fri 10 Oct → Sat 11 (1, make-up), Mon 13 (2), Tue 14 (3).
    expect(nationalDay2025.addWorkingDays(at('2025-10-10T09:30:00+08:00'), 3)).toBe(at('2025-10-14T18:00:00+08:00'));
  });

  it('ends at the close of the last period when there is a lunch break', () => {
    expect(withLunch.addWorkingDays(at('2025-03-03T10:00:00+08:00'), 1)).toBe(at('2025-03-04T18:00:00+08:00'));
  });

  it('lands on 18:00 local wall time across the fall-back weekend (New York, 2 Nov 2025)', () => {
    // Thu 30 Oct EDT → Fri 31 (1), Mon 3 Nov (2), Tue 4 Nov (3) → 18:00 EST = 23:00Z.
    expect(newYork.addWorkingDays(at('2025-10-30T10:00:00-04:00'), 3)).toBe(at('2025-11-04T18:00:00-05:00'));
    expect(newYork.addWorkingDays(at('2025-10-30T10:00:00-04:00'), 3)).toBe(at('2025-11-04T23:00:00Z'));
    // Fri 31 Oct → Mon 3 Nov 18:00 EST = 23:00Z (Friday's close was 22:00Z: 72 h + 1 h later).
    expect(newYork.addWorkingDays(at('2025-10-31T10:00:00-04:00'), 1)).toBe(at('2025-11-03T23:00:00Z'));
  });

  it('lands on 18:00 local wall time across the spring-forward weekend (New York, 9 Mar 2025)', () => {
    // Fri 7 Mar EST → Mon 10 Mar 18:00 EDT = 22:00Z.
    expect(newYork.addWorkingDays(at('2025-03-07T10:00:00-05:00'), 1)).toBe(at('2025-03-10T22:00:00Z'));
  });

  it('lands on 18:00 local wall time across the end of BST (London, 26 Oct 2025)', () => {
    // Fri 24 Oct BST → Mon 27 Oct 18:00 GMT = 18:00Z.
    expect(london.addWorkingDays(at('2025-10-24T10:00:00+01:00'), 1)).toBe(at('2025-10-27T18:00:00Z'));
  });

  it('rejects a count that is not a whole number of at least 1', () => {
    const start = at('2025-03-03T10:00:00+08:00');
    expect(() => shanghai.addWorkingDays(start, 0)).toThrow(/at least 1/);
    expect(() => shanghai.addWorkingDays(start, -1)).toThrow(/at least 1/);
    expect(() => shanghai.addWorkingDays(start, 1.5)).toThrow(/whole number/);
    expect(() => shanghai.addWorkingDays(Number.NaN, 3)).toThrow(/finite/);
  });
});

describe('addWorkingHours: only time inside working periods counts', () => {
  it('within one day, from opening, and ending exactly at closing', () => {
    expect(shanghai.addWorkingHours(at('2025-03-03T10:00:00+08:00'), 4)).toBe(at('2025-03-03T14:00:00+08:00'));
    expect(shanghai.addWorkingHours(at('2025-03-03T09:00:00+08:00'), 4)).toBe(at('2025-03-03T13:00:00+08:00'));
    // Runs out exactly at 18:00: due at the close, not at the next opening.
    expect(shanghai.addWorkingHours(at('2025-03-03T14:00:00+08:00'), 4)).toBe(at('2025-03-03T18:00:00+08:00'));
  });

  it('a start outside hours begins counting at the next opening', () => {
    expect(shanghai.addWorkingHours(at('2025-03-03T08:00:00+08:00'), 4)).toBe(at('2025-03-03T13:00:00+08:00')); // before opening
    expect(shanghai.addWorkingHours(at('2025-03-03T18:00:00+08:00'), 4)).toBe(at('2025-03-04T13:00:00+08:00')); // exactly at closing
    expect(shanghai.addWorkingHours(at('2025-03-03T21:00:00+08:00'), 4)).toBe(at('2025-03-04T13:00:00+08:00')); // evening
    expect(shanghai.addWorkingHours(at('2025-03-08T12:00:00+08:00'), 4)).toBe(at('2025-03-10T13:00:00+08:00')); // Saturday
  });

  it('midnight: just before and exactly at local midnight', () => {
    expect(shanghai.addWorkingHours(at('2025-03-03T23:59:59.999+08:00'), 4)).toBe(at('2025-03-04T13:00:00+08:00'));
    expect(shanghai.addWorkingHours(at('2025-03-04T00:00:00+08:00'), 4)).toBe(at('2025-03-04T13:00:00+08:00'));
  });

  it('carries over to the next day and over the weekend', () => {
    // Mon 16:00: 2 h Monday, 2 h Tuesday from 09:00.
    expect(shanghai.addWorkingHours(at('2025-03-03T16:00:00+08:00'), 4)).toBe(at('2025-03-04T11:00:00+08:00'));
    // Fri 16:00: 2 h Friday, 2 h Monday.
    expect(shanghai.addWorkingHours(at('2025-03-07T16:00:00+08:00'), 4)).toBe(at('2025-03-10T11:00:00+08:00'));
    // 20 h from Mon 09:00: Mon 9 h, Tue 9 h, Wed 2 h.
    expect(shanghai.addWorkingHours(at('2025-03-03T09:00:00+08:00'), 20)).toBe(at('2025-03-05T11:00:00+08:00'));
    // Fractions: 0.5 h from Mon 17:45 = 15 min Monday + 15 min Tuesday.
    expect(shanghai.addWorkingHours(at('2025-03-03T17:45:00+08:00'), 0.5)).toBe(at('2025-03-04T09:15:00+08:00'));
  });

  it('zero hours: the start if it is working time, else the next opening', () => {
    expect(shanghai.addWorkingHours(at('2025-03-03T10:00:00+08:00'), 0)).toBe(at('2025-03-03T10:00:00+08:00'));
    expect(shanghai.addWorkingHours(at('2025-03-03T18:00:00+08:00'), 0)).toBe(at('2025-03-04T09:00:00+08:00'));
    expect(shanghai.addWorkingHours(at('2025-03-08T12:00:00+08:00'), 0)).toBe(at('2025-03-10T09:00:00+08:00'));
  });

  it('skips holidays and counts make-up days', () => {
    // Tue 30 Sep 16:00: 2 h, then Thu 9 Oct 09:00 + 2 h.
    expect(nationalDay2025.addWorkingHours(at('2025-09-30T16:00:00+08:00'), 4)).toBe(at('2025-10-09T11:00:00+08:00'));
    // Fri 26 Sep 16:00: 2 h, then the make-up Sunday 28 Sep 09:00 + 2 h.
    expect(nationalDay2025.addWorkingHours(at('2025-09-26T16:00:00+08:00'), 4)).toBe(at('2025-09-28T11:00:00+08:00'));
    // On the make-up Saturday 11 Oct itself.
    expect(nationalDay2025.addWorkingHours(at('2025-10-11T10:00:00+08:00'), 4)).toBe(at('2025-10-11T14:00:00+08:00'));
    // During the holiday: counting starts Thu 9 Oct 09:00.
    expect(nationalDay2025.addWorkingHours(at('2025-10-05T10:00:00+08:00'), 4)).toBe(at('2025-10-09T13:00:00+08:00'));
  });

  it('a lunch break does not count', () => {
    expect(withLunch.addWorkingHours(at('2025-03-03T11:00:00+08:00'), 2)).toBe(at('2025-03-03T14:00:00+08:00'));
    expect(withLunch.addWorkingHours(at('2025-03-03T11:00:00+08:00'), 1)).toBe(at('2025-03-03T12:00:00+08:00')); // ends at the break
    expect(withLunch.addWorkingHours(at('2025-03-03T12:30:00+08:00'), 1)).toBe(at('2025-03-03T14:00:00+08:00')); // starts in the break
    // Make-up Saturday 8 Mar takes Monday's hours, lunch break included.
    expect(withLunch.addWorkingHours(at('2025-03-08T11:00:00+08:00'), 2)).toBe(at('2025-03-08T14:00:00+08:00'));
  });

  it('uses each weekday’s own hours', () => {
    const saturdayMornings = new WorkingCalendar({ hours: { saturday: [{ open: '10:00', close: '14:00' }] } });
    // Fri 17:00: 1 h Friday, then Saturday 10:00 + 3 h.
    expect(saturdayMornings.addWorkingHours(at('2025-03-07T17:00:00+08:00'), 4)).toBe(at('2025-03-08T13:00:00+08:00'));
  });

  it('a callback started Friday 16:00 before the spring-forward Sunday (New York, 9 Mar 2025)', () => {
    // Fri 16:00–18:00 EST is 2 h; Mon 09:00 EDT + 2 h = 11:00 EDT = 15:00Z (a fixed -05:00 would say 16:00Z).
    expect(newYork.addWorkingHours(at('2025-03-07T16:00:00-05:00'), 4)).toBe(at('2025-03-10T11:00:00-04:00'));
    expect(newYork.addWorkingHours(at('2025-03-07T16:00:00-05:00'), 4)).toBe(at('2025-03-10T15:00:00Z'));
  });

  it('a callback started Friday 16:00 before the fall-back Sunday (New York, 2 Nov 2025)', () => {
    // Mon 09:00 EST + 2 h = 11:00 EST = 16:00Z.
    expect(newYork.addWorkingHours(at('2025-10-31T16:00:00-04:00'), 4)).toBe(at('2025-11-03T16:00:00Z'));
  });

  it('a callback started Friday 16:00 before BST begins (London, 30 Mar 2025)', () => {
    // Fri 16:00 GMT: 2 h, then Mon 09:00 BST + 2 h = 11:00 BST = 10:00Z.
    expect(london.addWorkingHours(at('2025-03-28T16:00:00Z'), 4)).toBe(at('2025-03-31T10:00:00Z'));
  });

  it('counts real elapsed time through a DST change inside a working period (24-hour desk)', () => {
    // Sun 2 Nov 00:00 EDT (04:00Z) + 3 h = 07:00Z = 02:00 EST: 01:00–02:00 happens twice.
    expect(newYork24x7.addWorkingHours(at('2025-11-02T00:00:00-04:00'), 3)).toBe(at('2025-11-02T02:00:00-05:00'));
    // Sun 9 Mar 00:00 EST (05:00Z) + 3 h = 08:00Z = 04:00 EDT: 02:00–03:00 never happens.
    expect(newYork24x7.addWorkingHours(at('2025-03-09T00:00:00-05:00'), 3)).toBe(at('2025-03-09T04:00:00-04:00'));
  });

  it('rejects negative or non-finite hours and an invalid start', () => {
    const start = at('2025-03-03T10:00:00+08:00');
    expect(() => shanghai.addWorkingHours(start, -1)).toThrow(/at least 0/);
    expect(() => shanghai.addWorkingHours(start, Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => shanghai.addWorkingHours(Number.NaN, 4)).toThrow(/finite/);
  });
});

describe('workingMsBetween', () => {
  it('counts only working time', () => {
    expect(shanghai.workingMsBetween(at('2025-03-03T10:00:00+08:00'), at('2025-03-03T14:00:00+08:00'))).toBe(hours(4));
    expect(shanghai.workingMsBetween(at('2025-03-03T08:00:00+08:00'), at('2025-03-03T20:00:00+08:00'))).toBe(hours(9));
    expect(shanghai.workingMsBetween(at('2025-03-03T20:00:00+08:00'), at('2025-03-04T08:00:00+08:00'))).toBe(0); // overnight
    expect(shanghai.workingMsBetween(at('2025-03-07T17:00:00+08:00'), at('2025-03-10T10:00:00+08:00'))).toBe(hours(2)); // weekend
    expect(shanghai.workingMsBetween(at('2025-03-08T00:00:00+08:00'), at('2025-03-10T00:00:00+08:00'))).toBe(0); // Sat–Sun
    expect(shanghai.workingMsBetween(at('2025-03-03T09:00:00+08:00'), at('2025-03-10T09:00:00+08:00'))).toBe(hours(45)); // a week
  });

  it('is zero for equal instants and negative when reversed', () => {
    const t = at('2025-03-03T10:00:00+08:00');
    expect(shanghai.workingMsBetween(t, t)).toBe(0);
    expect(shanghai.workingMsBetween(at('2025-03-03T14:00:00+08:00'), at('2025-03-03T10:00:00+08:00'))).toBe(-hours(4));
  });

  it('skips holidays and counts make-up days', () => {
    // Tue 30 Sep 17:00–18:00, then Thu 9 Oct 09:00–10:00.
    expect(nationalDay2025.workingMsBetween(at('2025-09-30T17:00:00+08:00'), at('2025-10-09T10:00:00+08:00'))).toBe(hours(2));
    // Sat 27 Sep 00:00 to Mon 29 Sep 00:00: only the make-up Sunday, 9 h.
    expect(nationalDay2025.workingMsBetween(at('2025-09-27T00:00:00+08:00'), at('2025-09-29T00:00:00+08:00'))).toBe(hours(9));
  });

  it('leaves out a lunch break', () => {
    expect(withLunch.workingMsBetween(at('2025-03-03T08:00:00+08:00'), at('2025-03-03T20:00:00+08:00'))).toBe(hours(8));
    expect(withLunch.workingMsBetween(at('2025-03-03T11:30:00+08:00'), at('2025-03-03T13:30:00+08:00'))).toBe(minutes(60));
  });

  it('across DST weekends, counts working hours on the local wall clock', () => {
    // Fri 17:00 EST → Mon 10:00 EDT: 1 h + 1 h.
    expect(newYork.workingMsBetween(at('2025-03-07T17:00:00-05:00'), at('2025-03-10T10:00:00-04:00'))).toBe(hours(2));
    // Fri 17:00 EDT → Mon 10:00 EST: 1 h + 1 h.
    expect(newYork.workingMsBetween(at('2025-10-31T17:00:00-04:00'), at('2025-11-03T10:00:00-05:00'))).toBe(hours(2));
  });

  it('a 24-hour desk: the spring-forward Sunday has 23 h, the fall-back Sunday 25 h', () => {
    expect(newYork24x7.workingMsBetween(at('2025-03-08T00:00:00-05:00'), at('2025-03-10T00:00:00-04:00'))).toBe(hours(47));
    expect(newYork24x7.workingMsBetween(at('2025-11-01T00:00:00-04:00'), at('2025-11-03T00:00:00-05:00'))).toBe(hours(49));
    expect(newYork24x7.periodsOn('2025-03-09')).toEqual([[at('2025-03-09T05:00:00Z'), at('2025-03-10T04:00:00Z')]]);
  });
});

describe('wall times a DST change skips or repeats', () => {
  it('a period opening in the spring-forward gap opens at the first instant after it', () => {
    const earlySunday = new WorkingCalendar({ timeZone: 'America/New_York', hours: { sunday: [{ open: '02:30', close: '04:00' }] } });
    // 9 Mar 2025: 02:30 does not exist; it becomes 03:30 EDT (07:30Z). Close 04:00 EDT = 08:00Z.
    expect(earlySunday.periodsOn('2025-03-09')).toEqual([[at('2025-03-09T07:30:00Z'), at('2025-03-09T08:00:00Z')]]);
    // An ordinary Sunday a week later: 02:30 EDT = 06:30Z.
    expect(earlySunday.periodsOn('2025-03-16')).toEqual([[at('2025-03-16T06:30:00Z'), at('2025-03-16T08:00:00Z')]]);
  });

  it('a repeated wall time is its earlier instant', () => {
    const earlySunday = new WorkingCalendar({ timeZone: 'America/New_York', hours: { sunday: [{ open: '01:30', close: '02:00' }] } });
    // 2 Nov 2025: 01:30 EDT (05:30Z, the first 01:30) to 02:00 EST (07:00Z): 90 min of real time.
    expect(earlySunday.periodsOn('2025-11-02')).toEqual([[at('2025-11-02T05:30:00Z'), at('2025-11-02T07:00:00Z')]]);
  });
});

describe('configuration is checked when the calendar is built', () => {
  it('rejects an unknown time zone', () => {
    expect(() => new WorkingCalendar({ timeZone: 'Mars/Olympus_Mons' })).toThrow("Unknown time zone 'Mars/Olympus_Mons'.");
  });

  it('rejects dates that are not YYYY-MM-DD calendar dates', () => {
    expect(() => new WorkingCalendar({ holidays: ['2025-02-30'] })).toThrow(/holiday '2025-02-30'/);
    expect(() => new WorkingCalendar({ holidays: ['2025-2-3'] })).toThrow(/not a calendar date/);
    expect(() => new WorkingCalendar({ makeUpDays: ['28/09/2025'] })).toThrow(/make-up day/);
    expect(() => shanghai.isWorkingDay('2025-13-01')).toThrow(/not a calendar date/);
    expect(() => shanghai.periodsOn('soon')).toThrow(/not a calendar date/);
  });

  it('rejects a date that is both a holiday and a make-up day', () => {
    expect(() => new WorkingCalendar({ holidays: ['2025-09-28'], makeUpDays: ['2025-09-28'] })).toThrow('2025-09-28 is listed both as a holiday and as a make-up working day.');
  });

  it('rejects malformed working hours', () => {
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '18:00', close: '09:00' }] } })).toThrow(/open before it closes/);
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '09:00', close: '09:00' }] } })).toThrow(/open before it closes/);
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '09:00', close: '13:00' }, { open: '12:00', close: '18:00' }] } })).toThrow(/must not overlap/);
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '09:00', close: '24:01' }] } })).toThrow(/not a wall time/);
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '09:60', close: '18:00' }] } })).toThrow(/not a wall time/);
    expect(() => new WorkingCalendar({ hours: { monday: [{ open: '9:00', close: '18:00' }] } })).toThrow(/not a wall time/);
    expect(() => new WorkingCalendar({ makeUpDays: ['2025-09-28'], makeUpDayHours: null })).toThrow(/Make-up days need working hours/);
  });

  it('a period may close at 24:00, the end of the day', () => {
    const evening = new WorkingCalendar({ hours: { monday: [{ open: '20:00', close: '24:00' }] } });
    expect(evening.periodsOn('2025-03-03')).toEqual([[at('2025-03-03T20:00:00+08:00'), at('2025-03-04T00:00:00+08:00')]]);
  });

  it('a calendar with no working time ahead fails instead of looping', () => {
    const closed = new WorkingCalendar({ hours: { monday: null, tuesday: null, wednesday: null, thursday: null, friday: null } });
    expect(() => closed.addWorkingHours(at('2025-03-03T10:00:00+08:00'), 4)).toThrow(/no working time ahead/);
    expect(() => closed.addWorkingDays(at('2025-03-03T10:00:00+08:00'), 3)).toThrow(/no working days ahead/);
  });
});
