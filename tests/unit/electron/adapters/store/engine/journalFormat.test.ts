// The journal format's salvage scan and skip records: after any one damaged record, exactly the
// records that follow it are found intact; a skip record moves the expected sequence past its range.
// Sealed records (issue 13): opened with the data key, damage told apart from a missing key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord, findIntactRecords, headerBytes, type JournalRecord } from '../../../../../../electron/adapters/store/engine/journalFormat';
import { crc32 } from 'node:zlib';
import { KeyNeededError, newDataKey } from '../../../../../../electron/adapters/store/engine/storeCipher';

const record = (seq: number, text: string): JournalRecord => ({ seq, kind: 'tx', statements: [{ sql: 'INSERT INTO t VALUES (?)', params: [text] }] });

describe('findIntactRecords', () => {
  it('finds exactly the records after a damaged one, wherever the damage is', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 2, maxLength: 12 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (texts, pick, bytePick, flip) => {
        const records = texts.map((text, i) => record(100 + i, text));
        const frames = records.map((record) => encodeRecord(record));
        const damagedIndex = pick % records.length;
        const offsets = frames.map((_, i) => frames.slice(0, i).reduce((n, f) => n + f.length, 0));
        const bytes = Buffer.concat(frames);
        // Any byte of the damaged record: marker, length, checksum or payload.
        bytes[offsets[damagedIndex]! + (bytePick % frames[damagedIndex]!.length)]! ^= flip;
        const decoded = decodeRecords(bytes, 100);
        expect(decoded.ok).toBe(false);
        expect(decoded.records).toEqual(records.slice(0, damagedIndex));
        expect(findIntactRecords(bytes, decoded.validBytes + 1)).toEqual(records.slice(damagedIndex + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in bytes that only look like a record header', () => {
    const fake = Buffer.concat([encodeRecord(record(1, 'x')).subarray(0, headerBytes), Buffer.from('not the payload')]);
    expect(findIntactRecords(fake, 0)).toEqual([]);
  });
});

describe('skip records', () => {
  it('move the expected sequence past the numbers they hold back', () => {
    const bytes = Buffer.concat([encodeRecord(record(1, 'a')), encodeRecord({ seq: 2, kind: 'skip', throughSeq: 9 }), encodeRecord(record(10, 'b'))]);
    const decoded = decodeRecords(bytes, 1);
    expect(decoded.ok).toBe(true);
    expect(decoded.records.map((r) => r.seq)).toEqual([1, 2, 10]);
    expect(decodeRecords(Buffer.concat([encodeRecord({ seq: 2, kind: 'skip', throughSeq: 9 }), encodeRecord(record(3, 'c'))]), 2).ok).toBe(false);
  });
});

describe('sealed records (issue 13)', () => {
  const sealedRecord = (seq: number, text: string, key: Buffer) => encodeRecord(record(seq, text), key);

  it('decode with the key, follow plain records (a store encrypted after it began), and hold no plain text', () => {
    const key = newDataKey();
    const bytes = Buffer.concat([encodeRecord(record(1, 'plain 退款')), sealedRecord(2, 'secret 13812345678', key), sealedRecord(3, 'more', key)]);
    expect(bytes.subarray(encodeRecord(record(1, 'plain 退款')).length).includes(Buffer.from('13812345678'))).toBe(false);
    const decoded = decodeRecords(bytes, 1, key);
    expect(decoded.ok).toBe(true);
    expect(decoded.records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(JSON.stringify(decoded.records[1])).toContain('secret 13812345678');
  });

  it('without a key is a KeyNeededError, never a record cut off as damage', () => {
    const bytes = sealedRecord(1, 'x', newDataKey());
    expect(() => decodeRecords(bytes, 1, null)).toThrow(KeyNeededError);
  });

  it('a changed byte that the CRC does not catch (CRC fixed up) fails authentication and is damage', () => {
    const key = newDataKey();
    const first = sealedRecord(1, 'one', key);
    const second = Buffer.from(sealedRecord(2, 'two', key));
    second[headerBytes + 14]! ^= 0x01; // inside the ciphertext
    second.writeUInt32BE(crc32(second.subarray(headerBytes)), 8);
    const third = sealedRecord(3, 'three', key);
    const decoded = decodeRecords(Buffer.concat([first, second, third]), 1, key);
    expect(decoded.ok).toBe(false);
    expect(decoded.records.map((r) => r.seq)).toEqual([1]);
    expect(decoded.ok ? '' : decoded.problem).toMatch(/fails authentication/);
    // What follows is still found for salvage.
    expect(findIntactRecords(Buffer.concat([first, second, third]), first.length + 1, key).map((r) => r.seq)).toEqual([3]);
  });
});
