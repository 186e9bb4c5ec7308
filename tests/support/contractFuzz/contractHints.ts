// Domain generators for the contract fuzz: values the schemas' refinements accept (phone numbers,
// calendar dates, shortcuts) and ids that exist in the store, mixed with whatever the walker makes,
// so valid payloads reach the handlers' real work and not just their NOT_FOUND branch.
import fc from 'fast-check';
import { parseRangeEdge } from '../../../shared/domain/exportRange';
import { defOf, type Hint } from './zodArbitrary';

/** What the store and host hold now; read at generation time, so ids created by the fuzz are used too. */
export interface FuzzWorld {
  callIds: string[];
  customerIds: string[];
  backupFileNames: string[];
  agentIds: string[];
  categoryIds: string[];
  /** A ws:// URL on 127.0.0.1 where nothing answers: saved softphone settings never reach beyond loopback. */
  loopbackServerUrl: string;
}

/** One of `pool` (as it is when the value is generated), or the fallback when the pool is empty. */
const fromPool = (pool: () => string[], fallback: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.nat(), fallback).map(([i, other]) => {
    const list = pool();
    return list.length ? list[i % list.length] : other;
  });

const digit = fc.constantFrom(...'0123456789');

/** Numbers as agents type them: digits with spaces, dashes, one pair of parentheses, maybe a leading +. */
export const typedPhoneNumber = fc
  .tuple(fc.boolean(), fc.array(digit, { minLength: 3, maxLength: 20 }), fc.constantFrom('', ' ', '-'), fc.boolean(), fc.boolean())
  .map(([plus, digits, separator, parens, fullWidth]) => {
    if (plus && digits[0] === '0') digits[0] = '8';
    const body = parens && digits.length > 6 ? `(${digits.slice(0, 3).join('')}) ${digits.slice(3).join(separator)}` : digits.join(separator);
    const text = (plus ? '+' : '') + body;
    return fullWidth ? text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : text;
  });

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day, YYYY-MM-DD, mostly close to the seeded calls, now and then far away. */
export const isoDay = fc
  .oneof(
    { arbitrary: fc.date({ min: new Date(2026, 9, 1), max: new Date(2026, 11, 31), noInvalidDate: true }), weight: 4 },
    { arbitrary: fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), weight: 1 },
  )
  .map((d) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);

/** A range edge: a day, or a time with its UTC offset (the shapes parseRangeEdge accepts). */
export const rangeEdge = fc.oneof(
  { arbitrary: isoDay, weight: 3 },
  {
    arbitrary: fc
      .tuple(isoDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('Z', '+08:00', '-05:30', '+14:00'))
      .map(([day, h, m, s, zone]) => `${day}T${pad(h)}:${pad(m)}:${pad(s)}${zone}`),
    weight: 1,
  },
);

/** An Electron accelerator a person can press: at least one of Ctrl/Alt/Command, or a function key. */
export const accelerator = fc
  .tuple(
    fc.constantFrom('CommandOrControl', 'CmdOrCtrl', 'Ctrl', 'Control', 'Alt', 'Option', 'Cmd', 'Command', 'Super', 'Meta'),
    fc.subarray(['Shift', 'Alt', 'Ctrl'], { maxLength: 2 }),
    fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'F1', 'F5', 'F12', 'Space', 'Enter', 'PageUp', 'Left'),
  )
  .map(([modifier, more, key]) => [modifier, ...more.filter((m) => m !== modifier), key].join('+'));

/** FTS query syntax a search box must treat as plain words, never as operators or an error. */
const ftsSyntax = ['OR', 'AND', 'NOT', 'NEAR', 'NEAR/3', '"', '""', '*', 'ref*', '-refund', '^refund', 'notes:refund', '(refund', 'refund)', "'", '\\', '%', '_'];

/** Words in the seeded notes, alone or together, in both languages, mixed with FTS syntax. */
const searchWords = fc
  .subarray(['退款', 'refund', 'REFUND', 'customer', '路由器', 'delivery', '13800135678', 'Alice', 'plan 7-day', ...ftsSyntax], { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));

const timeZones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'Etc/GMT+12'];

const edgeTime = (text: unknown, edge: 'from' | 'to') => {
  try {
    return typeof text === 'string' ? parseRangeEdge(text, edge) : null;
  } catch {
    return null;
  }
};

/** Swaps a range's edges when both parse and the start comes after the end (about nine times in ten). */
function inOrder(value: unknown): unknown {
  const range = value as { from?: unknown; to?: unknown };
  const from = edgeTime(range.from, 'from');
  const to = edgeTime(range.to, 'to');
  if (from === null || to === null || from < to || Number(String(range.from).slice(8, 10)) % 8 === 0) return value;
  return { ...range, from: range.to, to: range.from };
}

/** The hints for every request of the contract; see zodArbitrary.ts for how they are used. */
export function contractHints(world: FuzzWorld): Hint {
  return (path, schema, walk) => {
    const def = defOf(schema);
    // A range is mostly given in order, so most ranges reach the query rather than the order check.
    if (def.type === 'object' && 'from' in (def.shape as object) && 'to' in (def.shape as object)) return walk().map(inOrder);
    if (def.type !== 'string') return undefined;
    const key = path.at(-1);
    const parent = path.at(-2);
    switch (key) {
      case 'callId':
      case 'consultCallId':
        return fc.oneof({ arbitrary: fromPool(() => world.callIds, walk()), weight: 3 }, { arbitrary: walk(), weight: 1 });
      case 'customerId':
        return fc.oneof({ arbitrary: fromPool(() => world.customerIds, walk()), weight: 3 }, { arbitrary: walk(), weight: 1 });
      case 'fileName':
        return fc.oneof(fromPool(() => world.backupFileNames, walk()), walk());
      case 'agentId':
        return fc.oneof(fromPool(() => world.agentIds, walk()), walk());
      case 'category':
      case 'disposition':
        return path.length === 1 ? fc.oneof({ arbitrary: fromPool(() => world.categoryIds, walk()), weight: 2 }, { arbitrary: walk(), weight: 1 }) : undefined;
      case 'number':
        return fc.oneof({ arbitrary: typedPhoneNumber, weight: 4 }, { arbitrary: walk(), weight: 1 });
      case 'from':
      case 'to':
        return fc.oneof({ arbitrary: rangeEdge, weight: 12 }, { arbitrary: walk(), weight: 1 });
      case 'text':
      case 'query':
        return path.length === 1 ? fc.oneof({ arbitrary: searchWords, weight: 3 }, { arbitrary: walk(), weight: 1 }) : undefined;
      case 'answer':
      case 'hangUp':
      case 'hold':
      case 'mute':
        return fc.oneof({ arbitrary: accelerator, weight: 15 }, { arbitrary: walk(), weight: 1 });
      case 'timeZone':
        return fc.oneof({ arbitrary: fc.constantFrom(...timeZones), weight: 6 }, { arbitrary: walk(), weight: 1 });
      case 'serverUrl':
        // S-6 and the test rules: never traffic beyond this machine, whatever the fuzz saves.
        return fc.webPath().map((p) => world.loopbackServerUrl + p.replace(/\s/g, ''));
      case '[]':
        if (parent === 'holidays' || parent === 'makeUpDays') return isoDay;
        return undefined;
      default:
        return undefined;
    }
  };
}
