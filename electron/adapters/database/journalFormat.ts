// The journal's on-disk record: a fixed header (magic, payload length, CRC-32 of the payload)
// followed by a JSON payload carrying the sequence number. A record is valid only if all of it is
// there and the checksum matches, so a torn or damaged tail is recognised, never applied.
import { crc32 } from 'node:zlib';

export const recordMagic = 0x444c4a31; // "DLJ1"
export const headerBytes = 12;
/** Larger records are refused at write time; a header claiming more is corrupt. */
export const maxPayloadBytes = 16 * 1024 * 1024;

export interface SqlStatement {
  sql: string;
  params?: Array<string | number | null>;
}

export type JournalRecord =
  | { seq: number; kind: 'tx'; statements: SqlStatement[] }
  | { seq: number; kind: 'migrate'; version: number };

export function encodeRecord(record: JournalRecord): Buffer {
  const payload = Buffer.from(JSON.stringify(record), 'utf8');
  if (payload.length > maxPayloadBytes) {
    throw new Error(`A single write of ${payload.length} bytes exceeds the ${maxPayloadBytes}-byte limit.`);
  }
  const header = Buffer.alloc(headerBytes);
  header.writeUInt32BE(recordMagic, 0);
  header.writeUInt32BE(payload.length, 4);
  header.writeUInt32BE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

export type DecodeOutcome =
  | { ok: true; records: JournalRecord[]; validBytes: number }
  | { ok: false; records: JournalRecord[]; validBytes: number; problem: string };

/**
 * Decodes records from the start of `bytes`. Stops at the first record that is incomplete, fails
 * its checksum, or breaks the sequence; everything before it is returned with its byte length.
 */
export function decodeRecords(bytes: Buffer, expectedFirstSeq: number | null): DecodeOutcome {
  const records: JournalRecord[] = [];
  let offset = 0;
  let nextSeq = expectedFirstSeq;
  const stop = (problem: string): DecodeOutcome => ({ ok: false, records, validBytes: offset, problem });
  while (offset < bytes.length) {
    if (bytes.length - offset < headerBytes) return stop(`incomplete record header at byte ${offset}`);
    if (bytes.readUInt32BE(offset) !== recordMagic) return stop(`bad record marker at byte ${offset}`);
    const length = bytes.readUInt32BE(offset + 4);
    if (length > maxPayloadBytes) return stop(`impossible record length ${length} at byte ${offset}`);
    const end = offset + headerBytes + length;
    if (end > bytes.length) return stop(`incomplete record at byte ${offset} (${bytes.length - offset} of ${headerBytes + length} bytes)`);
    const payload = bytes.subarray(offset + headerBytes, end);
    if (crc32(payload) !== bytes.readUInt32BE(offset + 8)) return stop(`checksum mismatch at byte ${offset}`);
    let record: JournalRecord;
    try {
      record = JSON.parse(payload.toString('utf8')) as JournalRecord;
    } catch {
      return stop(`unreadable record at byte ${offset}`);
    }
    if (nextSeq !== null && record.seq !== nextSeq) return stop(`sequence ${record.seq} where ${nextSeq} was expected at byte ${offset}`);
    records.push(record);
    nextSeq = record.seq + 1;
    offset = end;
  }
  return { ok: true, records, validBytes: offset };
}
