// The call-log export: the exact header, RFC 4180 quoting (comma, quote, newline, Chinese), the
// UTF-8 BOM, the formula-injection guard, times with offsets, whole seconds, and S-6 masking.
import { describe, expect, it } from 'vitest';
import { exportColumns, exportRecord, formatExportTime, guardFormula, toCsv, toJson, type ExportableCall } from '../../../../shared/domain/callExport';

// 2026-11-23 09:00:00 in China (+08:00).
const W0 = Date.UTC(2026, 10, 23, 1, 0, 0);
const china = { utcOffsetMinutes: 480 };
const header =
  'call_id,agent_id,direction,remote_number,started_at,answered_at,ended_at,ring_count,answered_within_three_rings,hold_seconds,talk_seconds,wrap_seconds,category,disposition,satisfaction,notes';

const answered: ExportableCall = {
  id: 'c1',
  agentId: 'agent-7',
  direction: 'inbound',
  remoteNumber: '13800135678',
  startedAt: W0,
  answeredAt: W0 + 8_500,
  endedAt: W0 + 190_000,
  ringCount: 2,
  answeredWithinThreeRings: 1,
  holdMs: 42_500,
  talkMs: 138_000,
  wrapMs: 25_400,
  category: '账单',
  disposition: 'resolved',
  satisfaction: 5,
  notes: '客户说 "发票抬头错了, 要重开"\n明天回电',
};

const outbound: ExportableCall = {
  id: 'c2',
  agentId: 'agent-7',
  direction: 'outbound',
  remoteNumber: '+8613800135678',
  startedAt: W0 + 3_600_000,
  answeredAt: null,
  endedAt: W0 + 3_630_000,
  ringCount: null,
  answeredWithinThreeRings: null,
  holdMs: 0,
  talkMs: 0,
  wrapMs: 0,
  category: null,
  disposition: null,
  satisfaction: null,
  notes: '',
};

describe('exportColumns', () => {
  it('are the documented columns, in order, each with a one-line description', () => {
    expect(exportColumns.map((c) => c.key).join(',')).toBe(header);
    for (const column of exportColumns) expect(column.description).toMatch(/^[^\r\n]+$/);
  });
});

describe('toCsv', () => {
  it('writes a BOM, the exact header line and CRLF after every record', () => {
    expect(toCsv([])).toBe(`\uFEFF${header}\r\n`);
    expect(toCsv([], { bom: false })).toBe(`${header}\r\n`);
  });

  it('quotes a note with a comma, quotes and a newline, keeps Chinese as it is, and masks numbers', () => {
    expect(toCsv([answered, outbound], { ...china, bom: false }).split('\r\n')).toEqual([
      header,
      // 8 500 ms and 190 000 ms after 09:00:00 → 09:00:08 (truncated), 09:03:10; 42.5 s → 43; 25.4 s → 25.
      'c1,agent-7,inbound,138****5678,2026-11-23T09:00:00+08:00,2026-11-23T09:00:08+08:00,2026-11-23T09:03:10+08:00,2,1,43,138,25,账单,resolved,5,"客户说 ""发票抬头错了, 要重开""\n明天回电"',
      'c2,agent-7,outbound,+86 138****5678,2026-11-23T10:00:00+08:00,,2026-11-23T10:00:30+08:00,,,0,0,0,,,,',
      '',
    ]);
  });

  it('writes full numbers only when asked, with no formula guard on a number starting with +', () => {
    const line = toCsv([outbound], { ...china, bom: false, maskNumbers: false }).split('\r\n')[1];
    expect(line?.split(',')[3]).toBe('+8613800135678');
  });

  it('quotes a lone CR too', () => {
    const line = toCsv([{ ...answered, notes: 'a\rb' }], { ...china, bom: false }).split('\r\n').slice(1, -1).join('\r\n');
    expect(line.endsWith(',"a\rb"')).toBe(true);
  });

  it('guards text cells a spreadsheet would run as formulas', () => {
    const hostile = { ...answered, category: '=HYPERLINK("http://x.example","点我")', disposition: '@SUM(A1)', notes: '-5 degrees, cold' };
    const cells = toCsv([hostile], { ...china, bom: false }).split('\r\n')[1] ?? '';
    expect(cells.endsWith(`,"'=HYPERLINK(""http://x.example"",""点我"")",'@SUM(A1),5,"'-5 degrees, cold"`)).toBe(true);
  });
});

describe('guardFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd|" /C calc"!A0', '\'+cmd|" /C calc"!A0'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tfoo', "'\tfoo"],
    ['\r=1', "'\r=1"],
    ['+8613800138000', '+8613800138000'], // a number runs nothing; a ' would corrupt it
    ['+86 138****5678', '+86 138****5678'],
    ['-42', '-42'],
    ['+1 (555) 010-0100', '+1 (555) 010-0100'],
    ['a=b', 'a=b'],
    ['普通备注', '普通备注'],
    ['', ''],
  ])('%j → %j', (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
  });
});

describe('toJson', () => {
  it('writes the same keys in the same order, native types, and text as stored', () => {
    const hostile = { ...outbound, notes: '=1+1' };
    const parsed = JSON.parse(toJson([answered, hostile], china)) as Array<Record<string, unknown>>;
    expect(parsed.map((r) => Object.keys(r).join(','))).toEqual([header, header]);
    expect(parsed[0]).toEqual({
      call_id: 'c1',
      agent_id: 'agent-7',
      direction: 'inbound',
      remote_number: '138****5678',
      started_at: '2026-11-23T09:00:00+08:00',
      answered_at: '2026-11-23T09:00:08+08:00',
      ended_at: '2026-11-23T09:03:10+08:00',
      ring_count: 2,
      answered_within_three_rings: true,
      hold_seconds: 43,
      talk_seconds: 138,
      wrap_seconds: 25,
      category: '账单',
      disposition: 'resolved',
      satisfaction: 5,
      notes: '客户说 "发票抬头错了, 要重开"\n明天回电',
    });
    expect(parsed[1]).toMatchObject({ answered_at: null, ring_count: null, answered_within_three_rings: null, satisfaction: null, notes: '=1+1' });
  });
});

describe('times and seconds', () => {
  it('writes ISO 8601 to the second with an explicit offset', () => {
    expect(formatExportTime(W0, 0)).toBe('2026-11-23T01:00:00+00:00');
    expect(formatExportTime(W0, -300)).toBe('2026-11-22T20:00:00-05:00');
    expect(formatExportTime(W0, 330)).toBe('2026-11-23T06:30:00+05:30');
    expect(formatExportTime(W0 + 999, 480)).toBe('2026-11-23T09:00:00+08:00');
  });

  it('defaults to this computer\'s offset and still names the same instant', () => {
    const text = formatExportTime(W0);
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Date.parse(text)).toBe(W0);
  });

  it('refuses an offset that is not whole minutes within -12:00..+14:00', () => {
    expect(() => formatExportTime(W0, 480.5)).toThrow(RangeError);
    expect(() => formatExportTime(W0, 900)).toThrow(/between -12:00 and \+14:00/);
  });

  it('rounds durations to whole seconds, half up', () => {
    const record = exportRecord({ ...answered, holdMs: 1_499, talkMs: 1_500, wrapMs: 0 }, china);
    expect([record.hold_seconds, record.talk_seconds, record.wrap_seconds]).toEqual([1, 2, 0]);
  });
});
