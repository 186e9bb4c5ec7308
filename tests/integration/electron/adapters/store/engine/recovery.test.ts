// Damaged files: a torn journal tail, a corrupt record in the middle of the journal, and an
// unreadable snapshot. Each is detected, moved aside (never overwritten, never applied), reported,
// and the store recovers everything before the damage.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { encodeRecord } from '../../../../../../electron/adapters/store/engine/journalFormat';
import { commitMarkers, damagedFiles, dbFiles, dbPath, markerInsert, markers, range, withStore } from '../../../../../support/database/storeFixtures';
import { tempDataDir } from '../../../../../support/webHost';

const firstSegment = 'journal-000000000001.log';

describe('a torn journal tail (the write a crash interrupted)', () => {
  it('is cut off, kept in damaged/, reported, and never applied; later writes continue after it', async () => {
    const dataDir = tempDataDir('deskline-torn-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 10));
    // Half of a valid record, as if the process died mid-write.
    const record = encodeRecord({ seq: 14, kind: 'tx', statements: [markerInsert(11)] });
    appendFileSync(dbPath(dataDir, firstSegment), record.subarray(0, record.length - 7));

    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 10));
      const { recovery } = store.status();
      expect(recovery.problems.join(' ')).toMatch(/the last \d+ bytes were cut off and kept in damaged/);
      expect(damagedFiles(dataDir)).toEqual([expect.stringMatching(/^journal-000000000001\.log\.tail\.torn-\d+$/)]);
      await commitMarkers(store, 11, 12);
    });
    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 12));
      expect(store.status().recovery.problems).toEqual([]);
    });
  });
});

describe('a corrupt record in the middle of the journal', () => {
  it('stops replay before it; that record and the ones after it are moved aside and reported', async () => {
    const dataDir = tempDataDir('deskline-corrupt-journal-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 20));
    const file = dbPath(dataDir, firstSegment);
    const bytes = readFileSync(file);
    // Flip one byte inside the payload of the record holding marker 12.
    const at = bytes.indexOf(Buffer.from('marker 12'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] = bytes[at + 3]! ^ 0xff;
    writeFileSync(file, bytes);

    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 11));
      expect(store.status().recovery.problems.join(' ')).toMatch(/checksum/i);
      // The cut bytes, and the intact records after the damage for salvage (their own test is in
      // tests/integration/electron/adapters/store/engine/recovery.test.ts).
      const damaged = damagedFiles(dataDir);
      expect(damaged).toHaveLength(2);
      // What was cut is kept byte for byte: the damaged record and the 8 after it.
      const kept = readFileSync(path.join(storePaths(dataDir).damagedDir, damaged.find((f) => f.includes('.tail.torn-'))!));
      expect(kept.indexOf(Buffer.from('marker 20'))).toBeGreaterThan(0);
    });
  });
});

describe('an unreadable snapshot', () => {
  it('is moved aside and the previous snapshot plus the journal restore everything', async () => {
    const dataDir = tempDataDir('deskline-corrupt-snapshot-');
    await withStore(dataDir, async (store) => {
      await commitMarkers(store, 1, 10);
      await store.snapshotNow();
      await commitMarkers(store, 11, 20);
      await store.snapshotNow();
      await commitMarkers(store, 21, 25);
    });
    const snapshots = dbFiles(dataDir).filter((f) => f.endsWith('.sqlite'));
    expect(snapshots).toHaveLength(2);
    const newest = dbPath(dataDir, snapshots[1]!);
    const image = readFileSync(newest);
    image.fill(0x5a, 100, 4096); // a damaged page
    writeFileSync(newest, image);

    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 25));
      const { recovery } = store.status();
      expect(recovery.snapshotSeq).toBe(Number(snapshots[0]!.match(/\d+/)![0]));
      expect(recovery.problems.join(' ')).toMatch(/unreadable.*checksum mismatch.*moved aside, using the one before it/);
      expect(damagedFiles(dataDir).some((f) => f.startsWith(snapshots[1]!))).toBe(true);
    });
  });

  it('with no snapshot left to fall back on, rebuilds from the whole journal', async () => {
    const dataDir = tempDataDir('deskline-only-snapshot-');
    await withStore(dataDir, async (store) => {
      await commitMarkers(store, 1, 10);
      await store.snapshotNow();
      await commitMarkers(store, 11, 12);
    });
    const [only] = dbFiles(dataDir).filter((f) => f.endsWith('.json'));
    writeFileSync(dbPath(dataDir, only!), '{"seq": "not json');
    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 12));
      expect(store.status().recovery.snapshotSeq).toBeNull();
    });
  });
});

describe('a transaction that breaks a constraint', () => {
  it('is refused with the reason, leaves nothing behind, and stays refused after replay', async () => {
    const dataDir = tempDataDir('deskline-refused-');
    await withStore(dataDir, async (store) => {
      await commitMarkers(store, 1, 2);
      await expect(
        store.commit([markerInsert(3), { sql: "INSERT INTO users (id, display_name, role, created_at) VALUES ('u', 'U', 'pilot', 0)" }]),
      ).rejects.toThrow(/not saved.*CHECK constraint failed/);
      await commitMarkers(store, 4, 4);
      expect(await markers(store)).toEqual([1, 2, 4]);
    });
    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual([1, 2, 4]);
      expect(store.status().recovery.problems).toEqual([]);
    });
  });
});
