// The retention panel's field and counts (S-6): an empty field is "off", anything but a whole number
// of months from 1 to 120 is refused before it is sent, and every count has a line in both languages.
import { describe, expect, it } from 'vitest';
import { countLines, parseMonthsInput } from '../../../../../renderer/features/retention/retentionView';
import { en } from '../../../../../renderer/i18n/en';
import { zhCN } from '../../../../../renderer/i18n/zhCN';

const text = (messages: typeof en, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);

describe('the retention months field', () => {
  it('reads empty as off and a whole number in range as months', () => {
    expect(parseMonthsInput('  ')).toEqual({ ok: true, months: null });
    expect(parseMonthsInput('1')).toEqual({ ok: true, months: 1 });
    expect(parseMonthsInput(' 120 ')).toEqual({ ok: true, months: 120 });
  });
  it('refuses negative, zero, fractional, huge and non-numeric input with the reason', () => {
    for (const bad of ['-1', '0', '1.5', '121', '99999999999', 'six', '1e3']) {
      expect(parseMonthsInput(bad), bad).toEqual({ ok: false, errorKey: 'retention.monthsInvalid' });
    }
    expect(text(en, 'retention.monthsInvalid')).toMatch(/1 to 120/);
    expect(text(zhCN, 'retention.monthsInvalid')).toMatch(/1 到 120/);
  });
});

describe('the dry-run counts', () => {
  it('lists every kind, in order, each with a message in English and Chinese', () => {
    const lines = countLines({ customers: 1, calls: 2, callNotes: 3, noteRevisions: 4 });
    expect(lines.map((l) => l.count)).toEqual([1, 2, 3, 4]);
    for (const line of lines) {
      expect(text(en, line.key)).toMatch(/\{\{count\}\}/);
      expect(text(zhCN, line.key)).toMatch(/\{\{count\}\}/);
    }
  });
});
