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

/**
 * Written by recovery only: sequence numbers seq..throughSeq belong to intact records found after
 * damage and kept for salvage, so the journal never gives those numbers to new writes.
 */
export interface SkipRecord {
  seq: number;
  kind: 'skip';
  throughSeq: number;
}

/** Any record a journal file holds. */
export type StoredRecord = JournalRecord | SkipRecord;

/** The last sequence number a record accounts for. */
export const lastSeqOf = (record: StoredRecord) => (record.kind === 'skip' ? record.throughSeq : record.seq);

export function encodeRecord(record: StoredRecord): Buffer {
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
  | { ok: true; records: StoredRecord[]; validBytes: number }
  | { ok: false; records: StoredRecord[]; validBytes: number; problem: string };

/**
 * Decodes records from the start of `bytes`. Stops at the first record that is incomplete, fails
 * its checksum, or breaks the sequence; everything before it is returned with its byte length.
 */
export function decodeRecords(bytes: Buffer, expectedFirstSeq: number | null): DecodeOutcome {
  const records: StoredRecord[] = [];
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
    let record: StoredRecord;
    try {
      record = JSON.parse(payload.toString('utf8')) as StoredRecord;
    } catch {
      return stop(`unreadable record at byte ${offset}`);
    }
    if (nextSeq !== null && record.seq !== nextSeq) return stop(`sequence ${record.seq} where ${nextSeq} was expected at byte ${offset}`);
    records.push(record);
    nextSeq = lastSeqOf(record) + 1;
    offset = end;
  }
  return { ok: true, records, validBytes: offset };
}

/**
 * Finds the whole, checksummed records in damaged bytes from `from` on: at every record marker, a
 * record that is complete, matches its CRC and parses is taken, and the search goes on after it;
 * anything else is skipped a byte at a time. Used to offer what follows a damaged record for salvage.
 */
export function findIntactRecords(bytes: Buffer, from: number): JournalRecord[] {
  const found: JournalRecord[] = [];
  const marker = Buffer.alloc(4);
  marker.writeUInt32BE(recordMagic, 0);
  let offset = bytes.indexOf(marker, from);
  while (offset !== -1 && bytes.length - offset >= headerBytes) {
    const length = bytes.readUInt32BE(offset + 4);
    const end = offset + headerBytes + length;
    let next = offset + 1;
    if (length <= maxPayloadBytes && end <= bytes.length) {
      const payload = bytes.subarray(offset + headerBytes, end);
      if (crc32(payload) === bytes.readUInt32BE(offset + 8)) {
        try {
          const record = JSON.parse(payload.toString('utf8')) as StoredRecord;
          if (Number.isSafeInteger(record.seq) && (record.kind === 'tx' || record.kind === 'migrate')) found.push(record);
          next = end;
        } catch {
          // not a record after all
        }
      }
    }
    offset = bytes.indexOf(marker, next);
  }
  return found;
}
