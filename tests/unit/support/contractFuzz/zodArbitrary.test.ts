// The fuzz suite's zod → fast-check walker: it covers every schema kind the contract's requests
// use, its values mostly parse, and a kind it does not know fails loudly instead of being skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, methodNames } from '../../../../shared/contract/api';
import { contractHints } from '../../../support/contractFuzz/contractHints';
import { arbitraryFor, UnsupportedSchemaError } from '../../../support/contractFuzz/zodArbitrary';

const world = { callIds: ['c1'], customerIds: ['k1'], backupFileNames: [], agentIds: ['a1'], categoryIds: ['complaint'], loopbackServerUrl: 'ws://127.0.0.1:9' };

describe('zodArbitrary', () => {
  it('walks every request schema of the contract', () => {
    for (const method of methodNames) expect(() => arbitraryFor(api[method].request, contractHints(world)), method).not.toThrow();
  });

  it('generates values the schema accepts, for the kinds and checks it knows', () => {
    const schema = z
      .object({
        name: z.string().trim().min(1).max(20),
        code: z.string().regex(/^[A-Z]{3}-\d{2}$/),
        count: z.number().int().min(2).max(9),
        ratio: z.number().min(0).max(1),
        kind: z.enum(['a', 'b']),
        flag: z.boolean(),
        tags: z.array(z.string().max(5)).min(1).max(3),
        note: z.string().nullable().default(null),
        shape: z.discriminatedUnion('k', [z.object({ k: z.literal('x') }).strict(), z.object({ k: z.literal('y'), n: z.number().int().positive() }).strict()]),
        extra: z.string().max(3).optional(),
      })
      .strict();
    const samples = fc.sample(arbitraryFor(schema), { seed: 1, numRuns: 300 });
    const accepted = samples.filter((s) => schema.safeParse(s).success).length;
    // Only trimming can turn a generated name into an empty one.
    expect(accepted).toBeGreaterThan(250);
  });

  it('fails loudly on a kind or check it does not know, naming where', () => {
    expect(() => arbitraryFor(z.object({ when: z.date() }))).toThrow(UnsupportedSchemaError);
    expect(() => arbitraryFor(z.object({ when: z.date() }))).toThrow(/"date" at "when"/);
    expect(() => arbitraryFor(z.object({ mail: z.email() }))).toThrow(/string format "email"/);
    expect(() => arbitraryFor(z.string().transform((s) => s.length))).toThrow(/pipe/);
    expect(() => arbitraryFor(z.number().multipleOf(5))).toThrow(/multiple_of/);
    expect(() => arbitraryFor(z.object({}).catchall(z.string()))).toThrow(/catchall/);
  });
});
