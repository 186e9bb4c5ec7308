// The notes excerpt in search results: short notes whole, long ones cut around the searched term
// (English by word, Chinese by its first bigram), never splitting a character.
import { describe, expect, it } from 'vitest';
import { excerptLength, notesExcerpt } from '../../../../shared/domain/notesExcerpt';

const chars = (text: string) => Array.from(text).length;

describe('notesExcerpt', () => {
  it('keeps short notes whole, with line breaks collapsed', () => {
    expect(notesExcerpt('Line one\n\nline   two ', 'two')).toBe('Line one line two');
  });
  it('cuts long notes around an English term, case-insensitively, marking both cut ends', () => {
    const notes = `${'a'.repeat(200)} the REFUND was approved ${'b'.repeat(200)}`;
    const excerpt = notesExcerpt(notes, 'refund');
    expect(excerpt).toMatch(/^…a+ the REFUND was approved b+…$/);
    expect(chars(excerpt)).toBe(excerptLength + 2);
  });
  it('finds a Chinese term by its bigram', () => {
    const notes = `${'无关内容'.repeat(60)}客户要求退款${'其他'.repeat(60)}`;
    expect(notesExcerpt(notes, '退款申请')).toContain('客户要求退款');
  });
  it('starts at the beginning when the term is only in the customer, not the notes', () => {
    const notes = 'x'.repeat(300);
    expect(notesExcerpt(notes, 'northwind')).toBe(`${'x'.repeat(excerptLength)}…`);
  });
  it('never splits a character outside the BMP', () => {
    const notes = '😀'.repeat(300);
    expect(notesExcerpt(notes)).toBe(`${'😀'.repeat(excerptLength)}…`);
  });
});
