// A small zod-v4-schema → fast-check arbitrary walker for the contract fuzz suite. zod-fast-check
// (the maintained bridge) supports only zod 3 and fast-check < 4, so the kinds our contract uses are
// covered here; any other kind or check throws, so a new schema is never silently left unfuzzed.
import fc from 'fast-check';
import type { z } from 'zod';

/** Keys from the request root to a value; array elements are '[]'. */
export type SchemaPath = readonly string[];

/**
 * A domain generator for a place the schema alone cannot describe (a refinement such as "a real
 * calendar date", or ids that exist in the store). `walk` is what the walker would generate there;
 * return undefined to use just that.
 */
export type Hint = (path: SchemaPath, schema: z.ZodType, walk: () => fc.Arbitrary<unknown>) => fc.Arbitrary<unknown> | undefined;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
/** The schema's checks; a format schema (z.email(), z.int()) carries its own check on its def. */
export const checksOf = (schema: z.ZodType): CheckDef[] => {
  const def = defOf(schema) as Def & Partial<CheckDef>;
  const own = typeof def.check === 'string' ? [def as unknown as CheckDef] : [];
  return [...own, ...(def.checks ?? []).map((c) => c._zod.def)];
};

export class UnsupportedSchemaError extends Error {
  constructor(what: string, path: SchemaPath) {
    super(`zodArbitrary: unsupported ${what} at "${path.join('.') || '(root)'}": extend tests/support/contractFuzz/zodArbitrary.ts`);
  }
}

/** Strings any z.string() accepts but people rarely type: the store must hold them or the contract refuse them. */
export const awkwardStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\u001b[31mred',
  '\u202Eevil\u202C', // bidi override
  '\u200B\u200D\uFEFF',
  '\uD800', // lone high surrogate
  'x\uDC00y', // lone low surrogate
  '\uFFFD',
  '😀👨‍👩‍👧',
  '退款申请',
  '__proto__',
  'constructor',
  "'; DROP TABLE calls; --",
  '%25%00',
  'NaN',
];

export function arbitraryFor(schema: z.ZodType, hint: Hint = () => undefined, path: SchemaPath = []): fc.Arbitrary<unknown> {
  const walk = () => byKind(schema, hint, path);
  return hint(path, schema, walk) ?? walk();
}

function byKind(schema: z.ZodType, hint: Hint, path: SchemaPath): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(checks, path);
    case 'number':
      return numberArbitrary(checks, path);
    case 'boolean':
      return onlyChecks(checks, [], path, def.type) ?? fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, hint, path), { nil: null, freq: 4 });
    case 'optional':
    case 'default':
      // The caller may leave it out (undefined): the object case omits the key instead.
      return fc.option(arbitraryFor(def.innerType as z.ZodType, hint, path), { nil: undefined, freq: 4 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => arbitraryFor(option, hint, path)));
    case 'array':
      return arrayArbitrary(def.element as z.ZodType, checks, hint, path);
    case 'object':
      return objectArbitrary(def, checks, hint, path);
    default:
      throw new UnsupportedSchemaError(`schema kind "${def.type}"`, path);
  }
}

/** Whether the caller may leave this key out of an object. */
export function isOmittable(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default';
}

function objectArbitrary(def: Def, checks: CheckDef[], hint: Hint, path: SchemaPath): fc.Arbitrary<unknown> {
  // Object-level refinements (ranges in order, distinct ids…) are left to the caller's classification.
  onlyChecks(checks, ['custom'], path, 'object');
  const catchall = def.catchall as z.ZodType | undefined;
  if (catchall && defOf(catchall).type !== 'never') throw new UnsupportedSchemaError('object catchall', path);
  const shape = def.shape as Record<string, z.ZodType>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const inner = isOmittable(field) ? (defOf(field).innerType as z.ZodType) : field;
    model[key] = arbitraryFor(inner, hint, [...path, key]);
    if (!isOmittable(field)) requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys });
}

function arrayArbitrary(element: z.ZodType, checks: CheckDef[], hint: Hint, path: SchemaPath): fc.Arbitrary<unknown> {
  onlyChecks(checks, ['min_length', 'max_length', 'length_equals', 'custom'], path, 'array');
  const { min, max } = lengthBounds(checks);
  const item = arbitraryFor(element, hint, [...path, '[]']);
  const upper = Math.min(max, min + 6);
  const arbitraries = [fc.array(item, { minLength: min, maxLength: upper })];
  // Now and then the longest array the contract allows.
  if (max > upper && max <= 1_000) arbitraries.push(fc.array(item, { minLength: max, maxLength: max }));
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof({ arbitrary: arbitraries[0]!, weight: 9 }, { arbitrary: arbitraries[1]!, weight: 1 });
}

function stringArbitrary(checks: CheckDef[], path: SchemaPath): fc.Arbitrary<unknown> {
  onlyChecks(checks, ['overwrite', 'min_length', 'max_length', 'length_equals', 'string_format', 'custom'], path, 'string');
  const { min, max } = lengthBounds(checks);
  const formats = checks.filter((c) => c.check === 'string_format');
  if (formats.some((f) => f.format !== 'regex')) throw new UnsupportedSchemaError(`string format "${formats.find((f) => f.format !== 'regex')?.format}"`, path);
  if (formats.length > 1) throw new UnsupportedSchemaError('several regexes on one string', path);
  const fit = (text: string) => text.length >= min && text.length <= max;
  if (formats[0]?.pattern) {
    const pattern = formats[0].pattern;
    return fc.stringMatching(pattern, { size: 'small' }).map((s) => s.slice(0, max)).filter((s) => fit(s) && pattern.test(s));
  }
  const upper = Math.min(max, min + 40);
  const text = fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: upper }), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: upper }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: upper }), weight: 1 },
    { arbitrary: fc.constantFrom(...awkwardStrings), weight: 1 },
    // The longest string the contract allows (built by repetition: generating it char by char is slow).
    { arbitrary: fc.constantFrom('a', '退', '😀', ' x').map((unit) => unit.repeat(Math.ceil(max / unit.length))), weight: 1 },
  );
  return text.map((s) => s.slice(0, max)).filter(fit);
}

function numberArbitrary(checks: CheckDef[], path: SchemaPath): fc.Arbitrary<unknown> {
  onlyChecks(checks, ['number_format', 'greater_than', 'less_than', 'custom'], path, 'number');
  const format = checks.find((c) => c.check === 'number_format')?.format;
  if (format !== undefined && format !== 'safeint') throw new UnsupportedSchemaError(`number format "${format}"`, path);
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  for (const c of checks) {
    if (c.check === 'greater_than') min = c.inclusive ? c.value! : nextUp(c.value!, format === 'safeint');
    if (c.check === 'less_than') max = c.inclusive ? c.value! : nextDown(c.value!, format === 'safeint');
  }
  if (format === 'safeint') {
    const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
    const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
    return fc.oneof({ arbitrary: fc.integer({ min: lo, max: hi }), weight: 5 }, { arbitrary: fc.constantFrom(lo, hi), weight: 1 });
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
}

const nextUp = (n: number, integer: boolean) => (integer ? Math.floor(n) + 1 : n + Number.EPSILON * Math.max(1, Math.abs(n)));
const nextDown = (n: number, integer: boolean) => (integer ? Math.ceil(n) - 1 : n - Number.EPSILON * Math.max(1, Math.abs(n)));

function lengthBounds(checks: CheckDef[]): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum!);
    if (c.check === 'max_length') max = Math.min(max, c.maximum!);
    if (c.check === 'length_equals') min = max = c.length!;
  }
  return { min, max: Number.isFinite(max) ? max : Math.max(min, 10_000) };
}

/** Throws on a check the walker does not know; returns undefined so it can sit in an expression. */
function onlyChecks(checks: CheckDef[], known: string[], path: SchemaPath, kind: string): undefined {
  const unknown = checks.find((c) => !known.includes(c.check));
  if (unknown) throw new UnsupportedSchemaError(`${kind} check "${unknown.check}"`, path);
  return undefined;
}

/** Every path in a request schema with the schema found there (arrays as '[]'), for the malformed generator. */
export function schemaPaths(schema: z.ZodType, path: SchemaPath = []): Array<{ path: SchemaPath; schema: z.ZodType }> {
  const def = defOf(schema);
  const here = [{ path, schema }];
  switch (def.type) {
    case 'nullable':
    case 'optional':
    case 'default':
      return [...here, ...schemaPaths(def.innerType as z.ZodType, path).slice(1)];
    case 'array':
      return [...here, ...schemaPaths(def.element as z.ZodType, [...path, '[]'])];
    case 'union':
      return [...here, ...(def.options as z.ZodType[]).flatMap((o) => schemaPaths(o, path).slice(1))];
    case 'object':
      return [...here, ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => schemaPaths(field, [...path, key]))];
    default:
      return here;
  }
}

/** The innermost schema under optional/nullable/default wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  return def.type === 'nullable' || def.type === 'optional' || def.type === 'default' ? unwrap(def.innerType as z.ZodType) : schema;
}
