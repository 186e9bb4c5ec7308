// Turns mixed Chinese/English text into space-separated search tokens for an FTS4 table, and a
// query into the matching FTS expression. sql.js has no FTS5 and FTS4's tokenizers do not split
// Chinese, so Han runs are indexed as overlapping bigrams (plus each run's last character), and
// other scripts as lower-cased words. Index and query use the same function, so they always agree.

const hanRun = /\p{Script=Han}+/u;
const tokenPattern = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Tokens for the index: 退款申请 → "退款 款申 申请 请"; "Refund-Request" → "refund request". */
export function indexTokens(text: string): string {
  const out: string[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const run = match[0];
    if (hanRun.test(run)) {
      const chars = Array.from(run);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      out.push(chars[chars.length - 1]!);
    } else {
      out.push(run.toLowerCase());
    }
  }
  return out.join(' ');
}

/**
 * An FTS4 MATCH expression requiring every term of the query (implicit AND). A Han run becomes
 * its bigrams in a phrase, so 退款申请 must appear contiguously; a lone Han character matches any
 * bigram starting with it or a run ending with it; Latin words match as prefixes ("refu" → refund).
 * Returns null when the query has nothing searchable.
 */
export function matchExpression(query: string): string | null {
  const parts: string[] = [];
  for (const match of query.matchAll(tokenPattern)) {
    const run = match[0];
    if (hanRun.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) parts.push(`${chars[0]}*`);
      else {
        const bigrams: string[] = [];
        for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
        parts.push(`"${bigrams.join(' ')}"`);
      }
    } else {
      parts.push(`${run.toLowerCase()}*`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
