// The date range of a call export, typed by a person (`npm run report -- --from … --to …`, or the
// export dialog): a calendar day or an exact time, turned into the half-open range of wall epoch
// ms [fromWall, toWallExclusive) that the `calls.started_at` query uses. Anything else is refused
// with a message that says what was wrong, because a silently guessed range exports the wrong calls.

export type RangeEdge = 'from' | 'to';

export interface ExportRange {
  /** The first wall epoch ms included. */
  fromWall: number;
  /** The first wall epoch ms no longer included. */
  toWallExclusive: number;
}

export interface RangeOptions {
  /**
   * The UTC offset, in minutes, a plain date's midnight is read in (480 for China). Default: this
   * computer's time zone, the same one the export writes its times in.
   */
  utcOffsetMinutes?: number;
}

/** The shapes accepted, for error messages. */
export const rangeInputHelp = 'a date such as 2026-11-23 or a time with its UTC offset such as 2026-11-23T09:00:00+08:00';

const edgeName: Record<RangeEdge, string> = { from: 'start', to: 'end' };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
// The time shape the export itself writes (so a value copied from an export works), with optional
// seconds and fractions, and Z for UTC. The offset is required: without it the time is ambiguous.
const instantPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function checkDate(date: CalendarDate, problem: (why: string) => Error): void {
  if (date.month < 1 || date.month > 12) throw problem(`there is no month ${date.month}`);
  const last = daysInMonth(date.year, date.month);
  if (date.day < 1 || date.day > last) throw problem(`${monthNames[date.month - 1]} ${date.year} has ${last} days`);
}

/** Epoch ms of a calendar date's midnight plus a time, at a fixed UTC offset. */
function atOffset(date: CalendarDate, minutesIntoDay: number, offsetMinutes: number): number {
  const t = new Date(0); // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999
  t.setUTCFullYear(date.year, date.month - 1, date.day);
  return t.getTime() + (minutesIntoDay - offsetMinutes) * 60_000;
}

/**
 * Epoch ms of a date's local midnight in this computer's time zone (DST included). Where a DST
 * change skips midnight, the day starts at the first wall time that exists.
 */
function localMidnight(date: CalendarDate): number {
  const t = new Date(0);
  t.setFullYear(date.year, date.month - 1, date.day);
  t.setHours(0, 0, 0, 0);
  return t.getTime();
}

function dayStart(date: CalendarDate, options: RangeOptions): number {
  const offset = options.utcOffsetMinutes;
  if (offset === undefined) return localMidnight(date);
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    throw new RangeError(`The UTC offset must be whole minutes between -12:00 and +14:00 (got ${offset}).`);
  }
  return atOffset(date, 0, offset);
}

/**
 * One edge of the range as wall epoch ms. A date means a whole local day: as `from` its first
 * moment, as `to` the next day's first moment, so `--to 2026-11-23` includes all of the 23rd. An
 * exact time is used as it is: `to` then means "started before this time".
 */
export function parseRangeEdge(text: string, edge: RangeEdge, options: RangeOptions = {}): number {
  const input = text.trim();
  const problem = (why: string) => new Error(`The ${edgeName[edge]} of the range, '${text}', is not valid: ${why}.`);
  if (input === '') throw new Error(`The ${edgeName[edge]} of the range is missing: give ${rangeInputHelp}.`);

  const date = datePattern.exec(input);
  if (date) {
    const day = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    checkDate(day, problem);
    return dayStart(edge === 'to' ? { ...day, day: day.day + 1 } : day, options); // day 32 rolls over, as Date does
  }

  const instant = instantPattern.exec(input);
  if (instant) {
    const [, year, month, day, hour, minute, second = '0', fraction = '0', zone = 'Z'] = instant;
    const calendarDate = { year: Number(year), month: Number(month), day: Number(day) };
    checkDate(calendarDate, problem);
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw problem('the time of day must be 00:00:00 to 23:59:59');
    const offsetSign = zone.startsWith('-') ? -1 : 1;
    const offsetHours = zone === 'Z' ? 0 : Number(zone.slice(1, 3));
    const offsetMinutes = zone === 'Z' ? 0 : Number(zone.slice(4, 6));
    if (offsetHours > 14 || offsetMinutes > 59) throw problem(`the UTC offset ${zone} does not exist`);
    const minutesIntoDay = Number(hour) * 60 + Number(minute);
    const offset = offsetSign * (offsetHours * 60 + offsetMinutes);
    return atOffset(calendarDate, minutesIntoDay, offset) + Number(second) * 1000 + Number(fraction.padEnd(3, '0'));
  }

  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(input)) {
    throw problem('a time needs its UTC offset, e.g. +08:00, so it names one moment wherever it is read');
  }
  throw problem(`give ${rangeInputHelp}`);
}

/** Both edges, checked against each other: the range must hold at least one moment. */
export function parseExportRange(fromText: string, toText: string, options: RangeOptions = {}): ExportRange {
  const fromWall = parseRangeEdge(fromText, 'from', options);
  const toWallExclusive = parseRangeEdge(toText, 'to', options);
  if (fromWall >= toWallExclusive) {
    // A date as the end already reaches to the end of its day, so equal edges then mean the start is a later day.
    const sameMoment = fromWall === toWallExclusive && !datePattern.test(toText.trim());
    const how = sameMoment ? 'is the same moment as' : 'comes after';
    throw new Error(`The start of the range ('${fromText}') ${how} its end ('${toText}'), so the range holds no calls; the start must come first.`);
  }
  return { fromWall, toWallExclusive };
}
