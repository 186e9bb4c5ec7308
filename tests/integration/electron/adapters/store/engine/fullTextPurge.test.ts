// S-6: a note emptied by retention (or replaced by the agent) leaves no trace of its words in the
// snapshot and backup images on disk: FTS4 would keep the terms in its older segments until they
// merge, so the rebuild process merges the full-text indexes before writing an image.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../../electron/adapters/store/engine/store';
import { snapshotFile, storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { insertCall } from '../../../../../support/database/callRows';
import { tempDataDir } from '../../../../../support/webHost';

// Sorts after the digits of the number tokens, so FTS4 stores the term in full, not prefix-compressed.
const secret = 'qqxyzzyplugh';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('full-text indexes in images on disk', () => {
  it('hold no term of a note that was emptied before the snapshot', async () => {
    const dataDir = tempDataDir('deskline-fts-purge-');
    store = await openStore({ dataDir });
    // Twenty commits make twenty index segments; FTS4 merges them into an older level, where the
    // note's terms stay after it is emptied (a small index that never merged drops them at once).
    await store.commit([insertCall({ id: 'c1', agentId: 'a1', startedAt: Date.now(), notes: `${secret} said the router is broken` })]);
    for (let i = 2; i <= 20; i++) await store.commit([insertCall({ id: `c${i}`, agentId: 'a1', startedAt: Date.now(), notes: `call ${i} about billing` })]);
    await store.commit([{ sql: "UPDATE calls SET notes = '' WHERE id = 'c1'" }]);
    const manifest = await store.snapshotNow();
    expect(manifest).not.toBeNull();
    const image = readFileSync(snapshotFile(storePaths(dataDir).dir, manifest!.seq));
    expect(image.includes(Buffer.from('router')), 'a word of the emptied note in the (plain) snapshot').toBe(false);
    expect(image.includes(Buffer.from(secret))).toBe(false);
    expect(await store.query("SELECT count(*) AS n FROM calls_fts WHERE calls_fts MATCH 'router'")).toEqual([{ n: 0 }]);
  });
});
