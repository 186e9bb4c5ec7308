// The journal's on-disk record: a fixed header (magic, payload length, CRC-32 of the payload)
// followed by a JSON payload carrying the sequence number. A record is valid only if all of it is
// there and the checksum matches, so a torn or damaged tail is recognised, never applied.
// In an encrypted store (issue 13) the payload is sealed with the data key (AES-256-GCM, marker
// "DLE1"); the CRC covers the sealed bytes, so torn and damaged records are found exactly as before,
// and a record that passes its CRC but fails authentication counts as damaged too.
import { crc32 } from 'node:zlib';
import { KeyNeededError, open, seal, sealOverheadBytes, type DataKey } from './storeCipher';

export const recordMagic = 0x444c4a31; // "DLJ1"
export const sealedRecordMagic = 0x444c4531; // "DLE1"
/** Binds a sealed payload to its use: a sealed image chunk is never accepted as a record. */
const recordAad = Buffer.from('deskline journal record v1', 'utf8');
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

/** Frames a record; with a key its payload is sealed. */
export function encodeRecord(record: StoredRecord, key: DataKey | null = null): Buffer {
  const plain = Buffer.from(JSON.stringify(record), 'utf8');
  if (plain.length > maxPayloadBytes) {
    throw new Error(`A single write of ${plain.length} bytes exceeds the ${maxPayloadBytes}-byte limit.`);
  }
  const payload = key ? seal(key, plain, recordAad) : plain;
  const header = Buffer.alloc(headerBytes);
  header.writeUInt32BE(key ? sealedRecordMagic : recordMagic, 0);
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
/**
 * The record in a checksummed payload, or null if it is unreadable. A sealed record without a key
 * throws KeyNeededError: that is a missing key, not damage, and must not be cut off as damage.
 */
function parsePayload(magic: number, payload: Buffer, key: DataKey | null): StoredRecord | null {
  let text: Buffer = payload;
  if (magic === sealedRecordMagic) {
    if (!key) throw new KeyNeededError('The journal is encrypted and no data key was given (passphrase or OS keychain).');
    try {
      text = open(key, payload, recordAad);
    } catch {
      return null; // fails authentication: changed bytes (the key itself was checked at open)
    }
  }
  try {
    return JSON.parse(text.toString('utf8')) as StoredRecord;
  } catch {
    return null;
  }
}

const isMagic = (magic: number) => magic === recordMagic || magic === sealedRecordMagic;
/** A sealed payload is this much longer than the plain one. */
const maxStoredPayloadBytes = maxPayloadBytes + sealOverheadBytes;

export function decodeRecords(bytes: Buffer, expectedFirstSeq: number | null, key: DataKey | null = null): DecodeOutcome {
  const records: StoredRecord[] = [];
  let offset = 0;
  let nextSeq = expectedFirstSeq;
  const stop = (problem: string): DecodeOutcome => ({ ok: false, records, validBytes: offset, problem });
  while (offset < bytes.length) {
    if (bytes.length - offset < headerBytes) return stop(`incomplete record header at byte ${offset}`);
    const magic = bytes.readUInt32BE(offset);
    if (!isMagic(magic)) return stop(`bad record marker at byte ${offset}`);
    const length = bytes.readUInt32BE(offset + 4);
    if (length > maxStoredPayloadBytes) return stop(`impossible record length ${length} at byte ${offset}`);
    const end = offset + headerBytes + length;
    if (end > bytes.length) return stop(`incomplete record at byte ${offset} (${bytes.length - offset} of ${headerBytes + length} bytes)`);
    const payload = bytes.subarray(offset + headerBytes, end);
    if (crc32(payload) !== bytes.readUInt32BE(offset + 8)) return stop(`checksum mismatch at byte ${offset}`);
    const record = parsePayload(magic, payload, key);
    if (!record) return stop(`unreadable record at byte ${offset}${magic === sealedRecordMagic ? ' (fails authentication)' : ''}`);
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
export function findIntactRecords(bytes: Buffer, from: number, key: DataKey | null = null): JournalRecord[] {
  const found: JournalRecord[] = [];
  const nextMarker = (at: number) => {
    // Either marker: both start with "DL", so scan for that and check the rest.
    for (let i = bytes.indexOf('DL', at, 'latin1'); i !== -1; i = bytes.indexOf('DL', i + 1, 'latin1')) {
      if (i + 4 <= bytes.length && isMagic(bytes.readUInt32BE(i))) return i;
    }
    return -1;
  };
  let offset = nextMarker(from);
  while (offset !== -1 && bytes.length - offset >= headerBytes) {
    const magic = bytes.readUInt32BE(offset);
    const length = bytes.readUInt32BE(offset + 4);
    const end = offset + headerBytes + length;
    let next = offset + 1;
    if (length <= maxStoredPayloadBytes && end <= bytes.length) {
      const payload = bytes.subarray(offset + headerBytes, end);
      if (crc32(payload) === bytes.readUInt32BE(offset + 8)) {
        const record = parsePayload(magic, payload, key); // not a record after all: null
        if (record) {
          if (Number.isSafeInteger(record.seq) && (record.kind === 'tx' || record.kind === 'migrate')) found.push(record);
          next = end;
        }
      }
    }
    offset = nextMarker(next);
  }
  return found;
}
