// Malformed contract payloads for the fuzz suite: a valid payload with one part broken (a field of
// the wrong type, missing, or extra; strings past every limit; deep nesting; prototype-pollution
// keys; NaN and Infinity; invalid dates; lone surrogates; control characters), or no object at all.
import fc from 'fast-check';

/** Nested `depth` levels deep, built once (as arrays, objects, or a mix). */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const mebibyte = 1024 * 1024;
const deepArray = nested(10_000, 'array');
const deepObject = nested(10_000, 'object');

/** Own keys that pollute prototypes when merged carelessly; JSON.parse makes "__proto__" an own key. */
export const pollutingKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
const pollutingObject = () => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown;

/** Values no field of the contract should take as they are. */
export const hostileValues: Array<() => unknown> = [
  () => null,
  () => undefined,
  () => NaN,
  () => Infinity,
  () => -Infinity,
  () => -0,
  () => Number.MAX_VALUE,
  () => Number.MAX_SAFE_INTEGER + 2,
  () => -1,
  () => 0.5,
  () => 1e21,
  () => true,
  () => 10n,
  () => new Date(NaN),
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => new Set([1]),
  () => /regex/,
  () => new Uint8Array([1, 2, 3]),
  () => Symbol('fuzz'),
  () => '',
  () => 'x'.repeat(257),
  () => 'x'.repeat(4097),
  () => '退'.repeat(70_000),
  () => 'x'.repeat(mebibyte + 1),
  () => '\uD800'.repeat(3),
  () => 'a\uDC00',
  () => '\u0000\u0001\u001f\u007f',
  () => '\u202E\u2066',
  () => '0x10',
  () => ' 42 ',
  () => [],
  () => [1, 'two', null],
  () => ({}),
  () => deepArray,
  () => deepObject,
  // Electron's IPC (structured clone) carries cycles; JSON cannot.
  () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    return cyclic;
  },
  pollutingObject,
];

export const hostileValue = fc.nat(hostileValues.length - 1).map((i) => hostileValues[i]!());

type Container = Record<string, unknown> | unknown[];

/** Plain objects, including fast-check's null-prototype ones. */
const isPlain = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/** A copy of plain objects and arrays; anything else is shared (the fuzz never mutates leaves). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  }
  return value;
}

/** Every object and array inside `root`, with the root first. */
function containers(root: unknown): Container[] {
  const found: Container[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      found.push(value);
      value.forEach(visit);
    } else if (isPlain(value)) {
      found.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(root);
  return found;
}

type Mutation = 'replace' | 'delete' | 'extraKey' | 'pollute' | 'wrap' | 'stringify';

/** Sets an own property, even "__proto__" (a plain assignment would change the prototype instead). */
function defineOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function mutate(valid: unknown, mutation: Mutation, pick: number, key: string, value: unknown): unknown {
  const root = copy(valid);
  const all = containers(root);
  if (all.length === 0) return value;
  const target = all[pick % all.length]!;
  const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  const chosen = keys.length ? keys[pick % keys.length]! : undefined;
  switch (mutation) {
    case 'replace':
      if (chosen === undefined) return value;
      defineOwn(target, chosen, value);
      return root;
    case 'delete':
      if (chosen === undefined) return value;
      if (Array.isArray(target)) target.splice(chosen as number, 1);
      else delete target[chosen as string];
      return root;
    case 'extraKey':
      defineOwn(target, key, value);
      return root;
    case 'pollute':
      defineOwn(target, pollutingKeys[pick % pollutingKeys.length]!, pollutingObject());
      return root;
    case 'wrap':
      if (chosen === undefined) return [root];
      defineOwn(target, chosen, [(target as Record<string, unknown>)[chosen as string]]);
      return root;
    case 'stringify':
      // What a careless client sends: the whole payload as a JSON string, or a field as one.
      if (chosen === undefined) return JSON.stringify(root);
      defineOwn(target, chosen, JSON.stringify((target as Record<string, unknown>)[chosen as string]) ?? 'undefined');
      return root;
  }
}

/** Payloads derived from `valid` with one thing broken, and payloads that are not objects at all. */
export function malformedFrom(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const broken = fc
    .tuple(
      valid,
      fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'delete', 'extraKey', 'pollute', 'wrap', 'stringify'),
      fc.nat(),
      fc.oneof(fc.constantFrom(...pollutingKeys), fc.string({ maxLength: 12 })),
      hostileValue,
    )
    .map(([v, mutation, pick, key, value]) => mutate(v, mutation, pick, key, value));
  return fc.oneof({ arbitrary: broken, weight: 5 }, { arbitrary: hostileValue, weight: 1 });
}
