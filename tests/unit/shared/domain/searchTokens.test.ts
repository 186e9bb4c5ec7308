// The tokenizer shared by the full-text index and its queries: Chinese as bigrams, other scripts as
// lower-cased words, and query expressions that FTS4 can run.
import { describe, expect, it } from 'vitest';
import { indexTokens, matchExpression } from '../../../../shared/domain/searchTokens';

describe('indexTokens', () => {
  it('splits a Han run into overlapping bigrams plus its last character', () => {
    expect(indexTokens('退款申请')).toBe('退款 款申 申请 请');
  });
  it('keeps a lone Han character as one token', () => {
    expect(indexTokens('好')).toBe('好');
  });
  it('lower-cases words, splits on punctuation, and handles mixed text in order', () => {
    expect(indexTokens('Refund-Request：客户要退款 ORDER#A17')).toBe('refund request 客户 户要 要退 退款 款 order a17');
  });
  it('returns nothing for text with nothing searchable', () => {
    expect(indexTokens(' ，。!? ')).toBe('');
  });
});

describe('matchExpression', () => {
  it('turns a Chinese term into a phrase of its bigrams, so the characters must be adjacent', () => {
    expect(matchExpression('退款申请')).toBe('"退款 款申 申请"');
  });
  it('turns a single Han character into a prefix term', () => {
    expect(matchExpression('退')).toBe('退*');
  });
  it('turns English words into lower-cased prefix terms, all required', () => {
    expect(matchExpression('Invoice  Router')).toBe('invoice* router*');
  });
  it('cannot be used to inject FTS operators', () => {
    expect(matchExpression('"a" OR NEAR(b) -c')).toBe('a* or* near* b* c*');
  });
  it('is null for an empty or punctuation-only query', () => {
    expect(matchExpression('')).toBeNull();
    expect(matchExpression('“”、')).toBeNull();
  });
});
