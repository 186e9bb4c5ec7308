// Every string a request carries must be well-formed Unicode. A lone surrogate (half of a UTF-16
// pair, e.g. "\uD800" from a broken paste or a hostile client) cannot be stored: SQLite keeps
// UTF-8, and sql.js writes it as bytes that read back as three U+FFFD, so the text read back is not
// the text saved (and a note holding U+FFFD then counts as binary and can no longer be edited).
// The dispatcher refuses such a request, changing nothing (S-3: a record reads back as written).

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}

/**
 * The path ("numbers.0.label") of the first string inside `value` (plain objects and arrays) that
 * is not well-formed, or null. Meant for a request the contract already parsed: its shape is
 * bounded by the schema, so the walk is too; it is iterative all the same.
 */
export function findIllFormedText(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length) {
    const { value: here, path } = stack.pop()!;
    if (typeof here === 'string') {
      if (hasLoneSurrogate(here)) return path || '(the request)';
    } else if (Array.isArray(here)) {
      here.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (here !== null && typeof here === 'object') {
      for (const [key, item] of Object.entries(here)) stack.push({ value: item, path: path ? `${path}.${key}` : key });
    }
  }
  return null;
}
