// Service-standard due times (S-4, S-5, S-7) and the due-status badge, with hand-computed expected instants.
import { describe, expect, it } from 'vitest';
import { callbackDueAt, callbackWorkingHours, complaintDueAt, complaintWorkingDays, dueStatus, handoffDueAt } from '../../../../shared/domain/dueDates';
import { WorkingCalendar } from '../../../../shared/domain/workingCalendar';

// Wall time with the zone's offset, worked out by hand (Shanghai +08:00; New York EST -05:00 / EDT -04:00).
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset);

const shanghai = new WorkingCalendar();
const nationalDay2025 = new WorkingCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpDays: ['2025-09-28', '2025-10-11'],
});
const newYork = new WorkingCalendar({ timeZone: 'America/New_York' });

describe('the standards’ numbers', () => {
  it('S-5: 3 working days; S-7: 4 working hours', () => {
    expect(complaintWorkingDays).toBe(3);
    expect(callbackWorkingHours).toBe(4);
  });
});

describe('complaintDueAt (S-5: finished within 3 working days of receipt)', () => {
  it('is the close of business on the third working day after the day of receipt', () => {
    expect(complaintDueAt(shanghai, at('2025-03-03T10:00:00+08:00'))).toBe(at('2025-03-06T18:00:00+08:00')); // Mon → Thu
    expect(complaintDueAt(shanghai, at('2025-03-03T19:30:00+08:00'))).toBe(at('2025-03-06T18:00:00+08:00')); // after hours, same day
    expect(complaintDueAt(shanghai, at('2025-03-06T10:00:00+08:00'))).toBe(at('2025-03-11T18:00:00+08:00')); // Thu → Tue
    expect(complaintDueAt(shanghai, at('2025-03-08T10:00:00+08:00'))).toBe(at('2025-03-12T18:00:00+08:00')); // Sat → Wed
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    expect(complaintDueAt(nationalDay2025, at('2025-09-30T15:00:00+08:00'))).toBe(at('2025-10-11T18:00:00+08:00'));
  });

  it('takes an extended limit (S-5: more time, customer told)', () => {
    // Mon 3 Mar + 5: Tue, Wed, Thu, Fri, Mon 10.
    expect(complaintDueAt(shanghai, at('2025-03-03T10:00:00+08:00'), 5)).toBe(at('2025-03-10T18:00:00+08:00'));
  });

  it('lands on 18:00 local time across the fall-back weekend', () => {
    expect(complaintDueAt(newYork, at('2025-10-30T10:00:00-04:00'))).toBe(at('2025-11-04T18:00:00-05:00'));
  });
});

describe('callbackDueAt (S-7: customer calls returned within 4 hours)', () => {
  it('counts 4 working hours', () => {
    expect(callbackDueAt(shanghai, at('2025-03-03T10:00:00+08:00'))).toBe(at('2025-03-03T14:00:00+08:00'));
    expect(callbackDueAt(shanghai, at('2025-03-03T14:00:00+08:00'))).toBe(at('2025-03-03T18:00:00+08:00'));
    expect(callbackDueAt(shanghai, at('2025-03-07T16:00:00+08:00'))).toBe(at('2025-03-10T11:00:00+08:00')); // over the weekend
    expect(callbackDueAt(shanghai, at('2025-03-03T18:00:00+08:00'))).toBe(at('2025-03-04T13:00:00+08:00')); // at closing
  });

  it('takes a configured limit', () => {
    // 2 h from Mon 17:00: 1 h Monday, 1 h Tuesday.
    expect(callbackDueAt(shanghai, at('2025-03-03T17:00:00+08:00'), 2)).toBe(at('2025-03-04T10:00:00+08:00'));
  });

  it('skips holidays', () => {
    expect(callbackDueAt(nationalDay2025, at('2025-09-30T16:00:00+08:00'))).toBe(at('2025-10-09T11:00:00+08:00'));
  });

  it('Friday 16:00 before the spring-forward Sunday is due Monday 11:00 EDT', () => {
    expect(callbackDueAt(newYork, at('2025-03-07T16:00:00-05:00'))).toBe(at('2025-03-10T11:00:00-04:00'));
  });
});

describe('handoffDueAt (S-4: the limit on the registration form)', () => {
  it('a limit in working hours', () => {
    // Mon 14:00 + 8 h: 4 h Monday, Tue 09:00 + 4 h.
    expect(handoffDueAt(shanghai, at('2025-03-03T14:00:00+08:00'), { workingHours: 8 })).toBe(at('2025-03-04T13:00:00+08:00'));
  });

  it('a limit in working days', () => {
    // Fri 7 Mar + 2: Mon 10 (1), Tue 11 (2).
    expect(handoffDueAt(shanghai, at('2025-03-07T11:00:00+08:00'), { workingDays: 2 })).toBe(at('2025-03-11T18:00:00+08:00'));
  });

  it('rejects an invalid limit', () => {
    expect(() => handoffDueAt(shanghai, at('2025-03-07T11:00:00+08:00'), { workingDays: 0 })).toThrow(/at least 1/);
    expect(() => handoffDueAt(shanghai, at('2025-03-07T11:00:00+08:00'), { workingHours: -2 })).toThrow(/at least 0/);
  });
});

describe('dueStatus', () => {
  const due = 1_000_000;

  it('on track while more than the window remains, due soon inside it, overdue only after the due instant', () => {
    expect(dueStatus(999_899, due, 100)).toBe('onTrack'); // 101 ms left
    expect(dueStatus(999_900, due, 100)).toBe('dueSoon'); // exactly the window left
    expect(dueStatus(999_999, due, 100)).toBe('dueSoon');
    expect(dueStatus(1_000_000, due, 100)).toBe('dueSoon'); // at the due instant: still within the limit
    expect(dueStatus(1_000_001, due, 100)).toBe('overdue');
  });

  it('a zero window never says due soon before the due instant', () => {
    expect(dueStatus(999_999, due, 0)).toBe('onTrack');
    expect(dueStatus(1_000_000, due, 0)).toBe('dueSoon');
    expect(dueStatus(1_000_001, due, 0)).toBe('overdue');
  });

  it('a complaint due Thu 18:00 with a 2-hour window', () => {
    const complaintDue = at('2025-03-06T18:00:00+08:00');
    const twoHours = 7_200_000;
    expect(dueStatus(at('2025-03-06T15:59:59.999+08:00'), complaintDue, twoHours)).toBe('onTrack');
    expect(dueStatus(at('2025-03-06T16:00:00+08:00'), complaintDue, twoHours)).toBe('dueSoon');
    expect(dueStatus(at('2025-03-06T18:00:00.001+08:00'), complaintDue, twoHours)).toBe('overdue');
  });

  it('rejects a negative window and non-finite instants', () => {
    expect(() => dueStatus(0, due, -1)).toThrow(/at least 0/);
    expect(() => dueStatus(Number.NaN, due, 100)).toThrow(/finite/);
    expect(() => dueStatus(0, Number.POSITIVE_INFINITY, 100)).toThrow(/finite/);
  });
});
