// A working-day calendar in one IANA time zone (weekday hours, holidays, 调休 make-up days) for the service-standard time limits (S-4, S-5, S-7).
//
// Time-zone math uses only the built-in Intl.DateTimeFormat, so this file runs unchanged in Node and in
// the browser. All instants are epoch milliseconds; "working time" is real elapsed time inside the
// working periods, so a period that spans a DST change is as long as the clock on the wall says
// it really was (a 00:00–24:00 period on a spring-forward Sunday holds 23 hours).

/** A local calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A local wall time 'HH:MM' (00:00–24:00; 24:00 means the end of the day). */
export type WallTime = string;

/** One working period of a day, [open, close), local wall time. */
export interface WorkingPeriod {
  open: WallTime;
  close: WallTime;
}

/**
 * A day's working hours. One period is the usual day; two periods give a lunch break
 * (e.g. 09:00–12:00 and 13:00–18:00). Null or an empty list: not a working day.
 */
export type DayHours = readonly WorkingPeriod[] | null;

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

export interface WorkingCalendarConfig {
  /** IANA time zone the hours are read in. Default 'Asia/Shanghai'. */
  timeZone?: string;
  /** Hours per weekday; a weekday left out keeps its default (Mon–Fri 09:00–18:00, weekends closed). */
  hours?: Partial<Record<Weekday, DayHours>>;
  /** Dates that are not working days even if their weekday has hours (public holidays). */
  holidays?: readonly IsoDate[];
  /** Dates that ARE working days although their weekday has no hours (调休 make-up days). */
  makeUpDays?: readonly IsoDate[];
  /** Hours on a make-up day. Default: Monday's hours (09:00–18:00 if Monday is closed), because a 调休 day is worked as a normal weekday. */
  makeUpDayHours?: DayHours;
}

export const defaultTimeZone = 'Asia/Shanghai';

const standardDay: readonly WorkingPeriod[] = [{ open: '09:00', close: '18:00' }];

/** Mon–Fri 09:00–18:00, weekends closed. */
export const defaultWeekHours: Readonly<Record<Weekday, DayHours>> = {
  monday: standardDay,
  tuesday: standardDay,
  wednesday: standardDay,
  thursday: standardDay,
  friday: standardDay,
  saturday: null,
  sunday: null,
};

// Index = Date.getUTCDay() of the date's calendar fields (0 = Sunday).
const weekdayByIndex: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const msPerHour = 3_600_000;
const msPerDay = 86_400_000;

// No real zone has ten years without a working period; past this a config has no working time at
// all (every weekday closed and no make-up day ahead) and a loop would never end.
const maxDaysScanned = 3_660;

/** Minutes since local midnight, [start, end). */
type MinutePeriod = readonly [number, number];

interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export class WorkingCalendar {
  readonly timeZone: string;
  private readonly formatter: Intl.DateTimeFormat;
  private readonly weekMinutes: ReadonlyMap<Weekday, readonly MinutePeriod[]>;
  private readonly makeUpMinutes: readonly MinutePeriod[];
  private readonly holidays: ReadonlySet<IsoDate>;
  private readonly makeUpDays: ReadonlySet<IsoDate>;

  constructor(config: WorkingCalendarConfig = {}) {
    this.timeZone = config.timeZone ?? defaultTimeZone;
    try {
      // hourCycle h23: some engines print midnight as "24" with hour12: false.
      this.formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: this.timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`Unknown time zone '${this.timeZone}'.`);
    }

    const week = new Map<Weekday, readonly MinutePeriod[]>();
    for (const weekday of weekdayByIndex) {
      const hours = config.hours?.[weekday];
      week.set(weekday, parseDayHours(hours !== undefined ? hours : defaultWeekHours[weekday], weekday));
    }
    this.weekMinutes = week;
    const monday = week.get('monday')!;
    this.makeUpMinutes =
      config.makeUpDayHours !== undefined ? parseDayHours(config.makeUpDayHours, 'make-up days') : monday.length > 0 ? monday : parseDayHours(standardDay, 'make-up days');
    if (this.makeUpMinutes.length === 0 && (config.makeUpDays?.length ?? 0) > 0) throw new Error('Make-up days need working hours.');

    this.holidays = new Set((config.holidays ?? []).map((d) => checkIsoDate(d, 'holiday')));
    this.makeUpDays = new Set((config.makeUpDays ?? []).map((d) => checkIsoDate(d, 'make-up day')));
    for (const d of this.makeUpDays) {
      if (this.holidays.has(d)) throw new Error(`${d} is listed both as a holiday and as a make-up working day.`);
    }
  }

  /** The local calendar date (in this calendar's zone) of an instant. */
  localDateOf(epochMs: number): IsoDate {
    checkInstant(epochMs);
    const p = this.wallFields(epochMs);
    return formatDate({ year: p.year, month: p.month, day: p.day });
  }

  /**
   * Whether a date is a working day: a make-up day, or a non-holiday whose weekday has hours.
   * A number is an instant, judged by its local date in this calendar's zone.
   */
  isWorkingDay(date: IsoDate | number): boolean {
    const iso = typeof date === 'number' ? this.localDateOf(date) : checkIsoDate(date, 'date');
    return this.minutePeriodsOn(parseIsoDate(iso)).length > 0;
  }

  /** Whether an instant falls inside a working period. */
  isWorkingTime(epochMs: number): boolean {
    checkInstant(epochMs);
    return this.epochPeriodsOn(this.localDateStruct(epochMs)).some(([open, close]) => open <= epochMs && epochMs < close);
  }

  /**
   * The due time N working days after `startEpochMs`: the CLOSING time of the Nth working day
   * after the local day of the start. The start day itself never counts, whenever in it the
   * matter arrived and whether or not it is a working day.
   *
   * Why this rule and not "same time of day N working days later": a customer told "finished
   * within 3 working days" (S-5) expects it by close of business on the third working day, and
   * that is how Chinese law counts periods — the day a period starts is not counted, and the last
   * day ends when business stops (民法典 art. 201, 203). It also gives every request received on
   * one day the same due time, and it needs no rule for a start outside hours or a wall time
   * that a DST change skips.
   *
   * Example (default calendar): received Mon 10:00 or Mon 20:00 → due Thu 18:00; received Sat → Wed 18:00.
   */
  addWorkingDays(startEpochMs: number, n: number): number {
    checkInstant(startEpochMs);
    if (!Number.isInteger(n) || n < 1) throw new Error('Working days must be a whole number, at least 1.');
    let date = this.localDateStruct(startEpochMs);
    let counted = 0;
    let daysOff = 0;
    while (counted < n) {
      date = nextDate(date);
      if (this.minutePeriodsOn(date).length > 0) {
        counted++;
        daysOff = 0;
      } else if (++daysOff > maxDaysScanned) {
        throw new Error('The calendar has no working days ahead.');
      }
    }
    const periods = this.epochPeriodsOn(date);
    return periods[periods.length - 1]![1];
  }

  /**
   * The instant at which `hours` of working time have passed since `startEpochMs` (S-7).
   * Only time inside working periods counts; a start outside them (before opening, in a lunch
   * break, after closing, on a day off) begins counting at the next opening. When the count
   * runs out exactly at a closing time the result is that closing time, not the next opening.
   * Zero hours gives the start if it is working time, else the next opening.
   */
  addWorkingHours(startEpochMs: number, hours: number): number {
    checkInstant(startEpochMs);
    if (!Number.isFinite(hours) || hours < 0) throw new Error('Working hours must be a finite number, at least 0.');
    let remaining = Math.round(hours * msPerHour);
    let date = this.localDateStruct(startEpochMs);
    for (let daysOff = 0; daysOff <= maxDaysScanned; daysOff++) {
      for (const [open, close] of this.epochPeriodsOn(date)) {
        const from = Math.max(open, startEpochMs);
        if (close <= from) continue;
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
        daysOff = -1; // working time found on this day: restart the empty-calendar guard
      }
      date = nextDate(date);
    }
    throw new Error('The calendar has no working time ahead.');
  }

  /**
   * Working time in ms between two instants (time inside working periods only). Negative when
   * `toEpochMs` is before `fromEpochMs`, so "how far past due, in working time" reads naturally.
   */
  workingMsBetween(fromEpochMs: number, toEpochMs: number): number {
    checkInstant(fromEpochMs);
    checkInstant(toEpochMs);
    if (toEpochMs < fromEpochMs) return -this.workingMsBetween(toEpochMs, fromEpochMs);
    const last = this.localDateOf(toEpochMs);
    let total = 0;
    for (let date = this.localDateStruct(fromEpochMs); ; date = nextDate(date)) {
      for (const [open, close] of this.epochPeriodsOn(date)) {
        const overlap = Math.min(close, toEpochMs) - Math.max(open, fromEpochMs);
        if (overlap > 0) total += overlap;
      }
      if (formatDate(date) >= last) return total;
    }
  }

  /** The working periods of a local date as epoch-ms [open, close) pairs; empty on a day off. */
  periodsOn(date: IsoDate): Array<readonly [number, number]> {
    return this.epochPeriodsOn(parseIsoDate(checkIsoDate(date, 'date')));
  }

  private epochPeriodsOn(date: LocalDate): Array<readonly [number, number]> {
    return this.minutePeriodsOn(date).map(([open, close]) => [this.wallToEpoch(date, open), this.wallToEpoch(date, close)] as const);
  }

  private minutePeriodsOn(date: LocalDate): readonly MinutePeriod[] {
    const iso = formatDate(date);
    if (this.makeUpDays.has(iso)) return this.makeUpMinutes;
    if (this.holidays.has(iso)) return [];
    return this.weekMinutes.get(weekdayOf(date)) ?? [];
  }

  private localDateStruct(epochMs: number): LocalDate {
    const p = this.wallFields(epochMs);
    return { year: p.year, month: p.month, day: p.day };
  }

  private wallFields(epochMs: number) {
    const fields: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(epochMs)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    return {
      year: fields.year!,
      month: fields.month!,
      day: fields.day!,
      hour: fields.hour!,
      minute: fields.minute!,
      second: fields.second!,
    };
  }

  /** The zone's UTC offset in ms at an instant (local = UTC + offset). */
  private offsetAt(epochMs: number): number {
    const p = this.wallFields(epochMs);
    const wholeSecond = Math.floor(epochMs / 1000) * 1000; // the formatter drops milliseconds
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
  }

  /**
   * The instant of a local wall time on a local date. Disambiguation as Temporal's 'compatible':
   * a time repeated by a fall-back change is its earlier instant; a time skipped by a
   * spring-forward change moves later by the gap (02:30 in a 02:00→03:00 gap is 03:30). Real
   * opening hours rarely hit either, but a 24-hour or night-shift calendar can.
   */
  private wallToEpoch(date: LocalDate, minutes: number): number {
    // Date.UTC carries minute 1440 over to the next day's 00:00, which is what 24:00 means.
    const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
    const offsetBefore = this.offsetAt(wallAsUtc - msPerDay);
    const offsetAfter = this.offsetAt(wallAsUtc + msPerDay);
    const candidates = [offsetBefore, offsetAfter]
      .map((offset) => wallAsUtc - offset)
      .filter((epoch) => this.offsetAt(epoch) === wallAsUtc - epoch);
    if (candidates.length > 0) return Math.min(...candidates);
    return wallAsUtc - offsetBefore; // in a gap: read with the offset in force before it
  }
}

function parseDayHours(hours: DayHours, what: string): readonly MinutePeriod[] {
  if (hours === null) return [];
  const periods = hours.map((p): MinutePeriod => [parseWallTime(p.open, what), parseWallTime(p.close, what)]);
  let previousClose = -1;
  for (const [open, close] of periods) {
    if (open >= close) throw new Error(`Working hours for ${what}: each period must open before it closes.`);
    if (open < previousClose) throw new Error(`Working hours for ${what}: periods must be in order and must not overlap.`);
    previousClose = close;
  }
  return periods;
}

function parseWallTime(text: WallTime, what: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || !(minutes >= 0 && minutes <= 24 * 60)) {
    throw new Error(`Working hours for ${what}: '${text}' is not a wall time HH:MM between 00:00 and 24:00.`);
  }
  return minutes;
}

function checkIsoDate(text: IsoDate, what: string): IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const d = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    // Round-trip through Date.UTC to reject dates such as 2025-02-30.
    const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
    if (t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day) return text;
  }
  throw new Error(`The ${what} '${text}' is not a calendar date YYYY-MM-DD.`);
}

function checkInstant(epochMs: number): void {
  if (!Number.isFinite(epochMs)) throw new Error('An instant must be a finite number of epoch milliseconds.');
}

function parseIsoDate(iso: IsoDate): LocalDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function formatDate(d: LocalDate): IsoDate {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

// Calendar arithmetic on the date's own fields: UTC here is only a proleptic calendar, no zone.
function nextDate(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function weekdayOf(d: LocalDate): Weekday {
  return weekdayByIndex[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
}
