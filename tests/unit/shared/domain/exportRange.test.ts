// The export's date range: whole local days (the end day included), exact times with their offset,
// and clear refusals of dates that do not exist, words, times without an offset and empty ranges.
import { describe, expect, it } from 'vitest';
import { parseExportRange, parseRangeEdge } from '../../../../shared/domain/exportRange';

const china = { utcOffsetMinutes: 480 };
const chinaTime = (text: string) => Date.parse(`${text}+08:00`);

describe('parseRangeEdge', () => {
  it('reads a date as the start of that day, or as an end the start of the next day', () => {
    expect(parseRangeEdge('2026-11-23', 'from', china)).toBe(chinaTime('2026-11-23T00:00:00'));
    expect(parseRangeEdge('2026-11-23', 'to', china)).toBe(chinaTime('2026-11-24T00:00:00'));
    expect(parseRangeEdge(' 2026-11-23 ', 'from', china)).toBe(chinaTime('2026-11-23T00:00:00'));
  });

  it('rolls the end over months, years and leap days', () => {
    expect(parseRangeEdge('2026-11-30', 'to', china)).toBe(chinaTime('2026-12-01T00:00:00'));
    expect(parseRangeEdge('2026-12-31', 'to', china)).toBe(chinaTime('2027-01-01T00:00:00'));
    expect(parseRangeEdge('2028-02-29', 'to', china)).toBe(chinaTime('2028-03-01T00:00:00'));
    expect(parseRangeEdge('2000-02-29', 'from', { utcOffsetMinutes: 0 })).toBe(Date.UTC(2000, 1, 29));
  });

  it('reads a date in this computer\'s time zone when no offset is given', () => {
    expect(parseRangeEdge('2026-11-23', 'from')).toBe(new Date(2026, 10, 23).getTime());
    expect(parseRangeEdge('2026-11-23', 'to')).toBe(new Date(2026, 10, 24).getTime());
  });

  it('takes an exact time with its offset as it is, for either edge', () => {
    expect(parseRangeEdge('2026-11-23T09:00:00+08:00', 'from')).toBe(Date.UTC(2026, 10, 23, 1));
    expect(parseRangeEdge('2026-11-23T09:00:00+08:00', 'to')).toBe(Date.UTC(2026, 10, 23, 1));
    expect(parseRangeEdge('2026-11-23T01:00Z', 'from')).toBe(Date.UTC(2026, 10, 23, 1));
    expect(parseRangeEdge('2026-11-22T20:00:00.250-05:00', 'from')).toBe(Date.UTC(2026, 10, 23, 1, 0, 0, 250));
    expect(parseRangeEdge('2026-11-23T06:30:00+05:30', 'from')).toBe(Date.UTC(2026, 10, 23, 1));
  });

  it('refuses dates and times that do not exist, saying why', () => {
    expect(() => parseRangeEdge('2026-02-30', 'from')).toThrow("The start of the range, '2026-02-30', is not valid: February 2026 has 28 days.");
    expect(() => parseRangeEdge('2026-02-29', 'to')).toThrow('February 2026 has 28 days');
    expect(() => parseRangeEdge('2026-13-01', 'from')).toThrow('there is no month 13');
    expect(() => parseRangeEdge('2026-04-31T09:00:00+08:00', 'from')).toThrow('April 2026 has 30 days');
    expect(() => parseRangeEdge('2026-11-23T24:00:00+08:00', 'to')).toThrow('the time of day must be 00:00:00 to 23:59:59');
    expect(() => parseRangeEdge('2026-11-23T09:60:00+08:00', 'to')).toThrow('the time of day must be 00:00:00 to 23:59:59');
    expect(() => parseRangeEdge('2026-11-23T09:00:00+15:00', 'to')).toThrow('the UTC offset +15:00 does not exist');
  });

  it('refuses anything that is not a date or an exact time', () => {
    for (const text of ['yesterday', '23/11/2026', '2026-11-3', '20261123', '2026-11-23 foo', 'now']) {
      expect(() => parseRangeEdge(text, 'to')).toThrow(`The end of the range, '${text}', is not valid: give a date such as 2026-11-23 or a time with its UTC offset such as 2026-11-23T09:00:00+08:00.`);
    }
    expect(() => parseRangeEdge('', 'from')).toThrow('The start of the range is missing');
  });

  it('refuses a time without an offset, which would name a different moment in each time zone', () => {
    expect(() => parseRangeEdge('2026-11-23T09:00', 'from')).toThrow('a time needs its UTC offset, e.g. +08:00');
    expect(() => parseRangeEdge('2026-11-23 09:00:00', 'from')).toThrow('a time needs its UTC offset');
  });

  it('refuses an impossible default offset', () => {
    expect(() => parseRangeEdge('2026-11-23', 'from', { utcOffsetMinutes: 900 })).toThrow(RangeError);
  });
});

describe('parseExportRange', () => {
  it('gives the half-open range; one date for both edges is that whole day', () => {
    expect(parseExportRange('2026-11-23', '2026-11-23', china)).toEqual({ fromWall: chinaTime('2026-11-23T00:00:00'), toWallExclusive: chinaTime('2026-11-24T00:00:00') });
    expect(parseExportRange('2026-11-01', '2026-11-30T12:00:00+08:00', china)).toEqual({ fromWall: chinaTime('2026-11-01T00:00:00'), toWallExclusive: chinaTime('2026-11-30T12:00:00') });
  });

  it('refuses a start after the end, and a range of no time at all', () => {
    expect(() => parseExportRange('2026-11-24', '2026-11-23', china)).toThrow(
      "The start of the range ('2026-11-24') comes after its end ('2026-11-23'), so the range holds no calls; the start must come first.",
    );
    expect(() => parseExportRange('2026-11-23T09:00:00+08:00', '2026-11-23T01:00:00Z')).toThrow('is the same moment as its end');
  });

  it('says which edge is wrong when both are', () => {
    expect(() => parseExportRange('yesterday', 'today')).toThrow("The start of the range, 'yesterday'");
  });
});
