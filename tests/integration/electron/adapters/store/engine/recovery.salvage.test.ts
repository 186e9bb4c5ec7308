// Salvage after a corrupt journal record: the intact records that follow it (in the same segment
// and in later ones) are never applied, are kept in damaged/ for salvage under their own sequence
// numbers, and the journal continues after the highest of them, so no number ever names two writes.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../../../../electron/adapters/store/migrations';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { commitMarkers, damagedFiles, dbFiles, dbPath, markerInsert, markers, range, withStore } from '../../../../../support/database/storeFixtures';
import { tempDataDir } from '../../../../../support/webHost';

/** Sequence number of marker n's record: one record per migration comes first. */
const seqOfMarker = (n: number) => latestSchemaVersion + n;

/** Flips a byte inside the payload of the record holding marker n. */
function corruptMarker(dataDir: string, segment: string, n: number): void {
  const file = dbPath(dataDir, segment);
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(`marker ${n}"`));
  expect(at).toBeGreaterThan(0);
  bytes[at + 3] = bytes[at + 3]! ^ 0xff;
  writeFileSync(file, bytes);
}

function salvaged(dataDir: string): Array<{ seq: number; kind: string; statements: Array<{ params: unknown[] }> }> {
  const [name, ...more] = damagedFiles(dataDir).filter((f) => f.startsWith('journal-salvage-'));
  expect(more).toEqual([]);
  return readFileSync(path.join(storePaths(dataDir).damagedDir, name!), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('records after a corrupt journal record (data safety)', () => {
  it('are offered for salvage under their own sequence numbers, which new writes never reuse', async () => {
    const dataDir = tempDataDir('deskline-salvage-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 20));
    corruptMarker(dataDir, 'journal-000000000001.log', 12);

    let newSeqs: number[] = [];
    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 11));
      const problems = store.status().recovery.problems.join(' ');
      expect(problems).toMatch(/checksum mismatch/);
      expect(problems).toContain(
        `8 intact record(s) after the damage (sequence ${seqOfMarker(13)}..${seqOfMarker(20)}) were not applied; they are kept for salvage in damaged/journal-salvage-`,
      );
      expect(problems).toContain(`which the journal never reuses (it continues at ${seqOfMarker(20) + 1})`);
      newSeqs = [(await store.commit([markerInsert(21)])).seq, (await store.commit([markerInsert(22)])).seq];
    });

    // The salvage file: markers 13..20 exactly, each under the number it was written with.
    const records = salvaged(dataDir);
    expect(records.map((r) => r.seq)).toEqual(range(seqOfMarker(13), seqOfMarker(20)));
    expect(records.map((r) => r.statements[0]!.params[1])).toEqual(range(13, 20).map(String));
    expect(newSeqs).toEqual([seqOfMarker(20) + 1, seqOfMarker(20) + 2]);
    // The corrupt record's bytes are kept too, as they were.
    expect(damagedFiles(dataDir).some((f) => /^journal-000000000001\.log\.tail\.torn-\d+$/.test(f))).toBe(true);

    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual([...range(1, 11), 21, 22]);
      expect(store.status().recovery.problems).toEqual([]);
      expect(store.status().lastSeq).toBe(seqOfMarker(20) + 2);
    });
  });

  it('includes the records of later journal segments, which cannot be applied either', async () => {
    const dataDir = tempDataDir('deskline-salvage-segments-');
    await withStore(dataDir, async (store) => {
      await commitMarkers(store, 1, 10);
      await store.snapshotNow();
      await commitMarkers(store, 11, 20);
      await store.snapshotNow();
      await commitMarkers(store, 21, 25);
    });
    // Lose the newest snapshot, so the journal after the older one is replayed, and damage it.
    for (const name of dbFiles(dataDir).filter((f) => f.startsWith(`snapshot-${String(seqOfMarker(20)).padStart(12, '0')}`))) rmSync(dbPath(dataDir, name));
    const segments = dbFiles(dataDir).filter((f) => f.startsWith('journal-'));
    expect(segments).toHaveLength(2);
    corruptMarker(dataDir, segments[0]!, 13);

    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual(range(1, 12));
      expect(store.status().recovery.problems.join(' ')).toContain(`12 intact record(s) after the damage (sequence ${seqOfMarker(14)}..${seqOfMarker(25)})`);
      expect((await store.commit([markerInsert(26)])).seq).toBe(seqOfMarker(25) + 1);
    });
    expect(salvaged(dataDir).map((r) => r.seq)).toEqual(range(seqOfMarker(14), seqOfMarker(25)));
    await withStore(dataDir, async (store) => {
      expect(await markers(store)).toEqual([...range(1, 12), 26]);
      expect(store.status().recovery.problems).toEqual([]);
    });
    expect(readdirSync(storePaths(dataDir).damagedDir).some((f) => f.includes('.unreachable-'))).toBe(true);
  });
});
