// Issue 13 (S-6), encryption at rest: a store with a data key writes no plain text to disk and
// reads everything back after a restart; a wrong passphrase is a clear error that changes nothing;
// a backup of an encrypted store is encrypted and restores (with the passphrase) into a new folder;
// damage in a sealed journal is still found, cut off and salvaged like plain damage.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPendingRestore, BackupRejectedError, installBackup, pendingRestoreFile } from '../../../../../../electron/adapters/store/engine/backupFiles';
import { isSealedImage } from '../../../../../../electron/adapters/store/engine/sealedImage';
import { openStore, type Store } from '../../../../../../electron/adapters/store/engine/store';
import { KeyNeededError, newDataKey, WrongKeyError } from '../../../../../../electron/adapters/store/engine/storeCipher';
import { passphraseProtector, resolveStoreKey, StoreKeyError } from '../../../../../../electron/adapters/store/engine/storeKeyFile';
import { commitMarkers, damagedFiles, dbPath, markerInsert, markers, range, withStore } from '../../../../../support/database/storeFixtures';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

const secretNote = 'customer 13812345678 wants a refund 退款申请 for order ZX-991';
const plainNeedles = ['13812345678', '退款申请', 'ZX-991', 'refund', 'INSERT INTO'].map((text) => Buffer.from(text, 'utf8'));

/** Every file under `dir`, recursively, with its bytes. */
function allFiles(dir: string): Array<{ file: string; bytes: Buffer }> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [{ file: full, bytes: readFileSync(full) }];
  });
}

function plainTextIn(dir: string): string[] {
  return allFiles(dir).flatMap(({ file, bytes }) => plainNeedles.filter((needle) => bytes.includes(needle)).map((n) => `${path.relative(dir, file)}: ${n.toString()}`));
}

function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const { file, bytes } of allFiles(dir).sort((a, b) => a.file.localeCompare(b.file))) hash.update(file).update(bytes);
  return hash.digest('hex');
}

const noteInsert = (n: number) => markerInsert(n, `${secretNote} #${n}`);
const commitNotes = async (store: Store, from: number, to: number) => {
  for (let n = from; n <= to; n++) await store.commit([noteInsert(n)]);
};

async function encryptedStoreWithNotes(passphrase: string, notes: number): Promise<{ dataDir: string; key: Buffer }> {
  const dataDir = tempDataDir('deskline-crypt-');
  const key = (await resolveStoreKey(dataDir, { protector: passphraseProtector(passphrase) }))!;
  await withStore(
    dataDir,
    async (store) => {
      for (let n = 1; n <= notes; n++) await store.commit([noteInsert(n)]);
      await store.snapshotNow(); // a sealed snapshot, then more sealed records after it
      await store.commit([noteInsert(notes + 1)]);
    },
    { dataKey: key },
  );
  return { dataDir, key };
}

describe('an encrypted store', () => {
  it('reads every note back after a restart, and no file in the data folder holds its plain text', async () => {
    const { dataDir } = await encryptedStoreWithNotes('correct horse battery', 30);
    const key = (await resolveStoreKey(dataDir, { protector: passphraseProtector('correct horse battery') }))!;
    await withStore(
      dataDir,
      async (store) => {
        expect(store.encrypted).toBe(true);
        expect(await markers(store)).toEqual(range(1, 31));
        const rows = await store.query("SELECT detail_json FROM audit_log WHERE subject = '7'");
        expect(rows[0]?.detail_json).toBe(`${secretNote} #7`);
      },
      { dataKey: key },
    );
    expect(readdirSync(path.join(dataDir, 'db')).some((n) => /^snapshot-\d+\.sqlite$/.test(n))).toBe(true);
    expect(plainTextIn(dataDir)).toEqual([]);
  });

  it('a plain store, for comparison, does hold the text (the check above can fail)', async () => {
    const dataDir = tempDataDir('deskline-plain-');
    await withStore(dataDir, (store) => store.commit([noteInsert(1)]).then(() => undefined));
    expect(plainTextIn(dataDir).length).toBeGreaterThan(0);
  });

  it('refuses a wrong passphrase with a clear error, and no file in the data folder changes', async () => {
    const { dataDir } = await encryptedStoreWithNotes('correct horse battery', 5);
    const before = folderDigest(dataDir);
    await expect(resolveStoreKey(dataDir, { protector: passphraseProtector('Correct horse battery') })).rejects.toThrow(/Wrong passphrase/);
    expect(folderDigest(dataDir)).toBe(before);
  });

  it('refuses to open with another key or none (never "damaged"), and moves nothing aside', async () => {
    const { dataDir } = await encryptedStoreWithNotes('correct horse battery', 5);
    const before = folderDigest(dataDir);
    await expect(openStore({ dataDir, dataKey: newDataKey() })).rejects.toThrow(WrongKeyError);
    await expect(openStore({ dataDir })).rejects.toThrow(KeyNeededError);
    expect(damagedFiles(dataDir)).toEqual([]);
    expect(folderDigest(dataDir)).toBe(before);
  });

  it('finds a changed byte in a sealed record: replay stops there, the rest is salvaged, nothing is lost silently', async () => {
    const dataDir = tempDataDir('deskline-crypt-damage-');
    const key = (await resolveStoreKey(dataDir, { protector: passphraseProtector('p') }))!;
    await withStore(dataDir, (store) => commitNotes(store, 1, 20), { dataKey: key });
    const segment = readdirSync(path.join(dataDir, 'db')).find((n) => n.startsWith('journal-'))!;
    const bytes = readFileSync(dbPath(dataDir, segment));
    // Flip a byte in the middle; the CRC catches it before authentication does.
    bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
    writeFileSync(dbPath(dataDir, segment), bytes);
    await withStore(
      dataDir,
      async (store) => {
        const kept = await markers(store);
        expect(kept.length).toBeGreaterThan(0);
        expect(kept.length).toBeLessThan(20);
        expect(kept).toEqual(range(1, kept.length));
        expect(store.status().recovery.problems.join(' ')).toMatch(/intact record\(s\) after the damage/);
      },
      { dataKey: key },
    );
    expect(damagedFiles(dataDir).some((n) => n.startsWith('journal-salvage-'))).toBe(true);
    // What is kept for salvage (and the cut-off tail) is sealed too.
    expect(plainTextIn(dataDir)).toEqual([]);
  });
});

describe('a backup of an encrypted store', () => {
  it('is encrypted, and restores into a new folder with the passphrase (which then is encrypted too)', async () => {
    const { dataDir, key } = await encryptedStoreWithNotes('correct horse battery', 12);
    const backup = path.join(dataDir, 'backups', 'b.sqlite');
    await withStore(dataDir, (store) => store.backupTo(backup), { dataKey: key });
    const bytes = readFileSync(backup);
    expect(isSealedImage(bytes)).toBe(true);
    expect(plainNeedles.filter((needle) => bytes.includes(needle))).toEqual([]);

    const target = tempDataDir('deskline-crypt-restore-');
    const protector = passphraseProtector('correct horse battery');
    const { check } = await installBackup(target, backup, {}, false, { storeKey: null, protector });
    expect(check.schemaVersion).toBeGreaterThan(0);
    const targetKey = (await resolveStoreKey(target, { protector }))!;
    expect(targetKey.equals(key)).toBe(true); // the backup's key was adopted
    await withStore(target, async (store) => expect(await markers(store)).toEqual(range(1, 13)), { dataKey: targetKey });
    expect(plainTextIn(target)).toEqual([]);
  });

  it('made from the app, is checked with the store key and a staged restore applies at the next start (still encrypted)', async () => {
    const { dataDir, key } = await encryptedStoreWithNotes('correct horse battery', 6);
    const backup = path.join(dataDir, 'backups', 'deskline-a.sqlite');
    await withStore(
      dataDir,
      async (store) => {
        await store.backupTo(backup);
        expect((await store.checkBackup(backup)).schemaVersion).toBeGreaterThan(0); // what stageRestore runs
        await commitNotes(store, 100, 101); // after the backup: gone once it is restored
      },
      { dataKey: key },
    );
    copyFileSync(backup, pendingRestoreFile(dataDir));
    const restored = await applyPendingRestore(dataDir, {}, { storeKey: key, protector: passphraseProtector('correct horse battery') });
    expect(restored).toMatch(/^Restored a backup/);
    await withStore(dataDir, async (store) => expect(await markers(store)).toEqual(range(1, 7)), { dataKey: key });
    expect(plainTextIn(path.join(dataDir, 'db'))).toEqual([]);
  });

  it('with a wrong passphrase is refused as such, and the target folder is not changed', async () => {
    const { dataDir, key } = await encryptedStoreWithNotes('correct horse battery', 3);
    const backup = path.join(dataDir, 'backups', 'b.sqlite');
    await withStore(dataDir, (store) => store.backupTo(backup), { dataKey: key });
    const target = tempDataDir('deskline-crypt-restore-');
    await withStore(target, (store) => commitMarkers(store, 1, 2));
    const before = folderDigest(target);
    const attempt = installBackup(target, backup, {}, false, { storeKey: null, protector: passphraseProtector('wrong') });
    await expect(attempt).rejects.toThrow(BackupRejectedError);
    await expect(installBackup(target, backup, {}, false, { storeKey: null, protector: passphraseProtector('wrong') })).rejects.toThrow(/Wrong passphrase/);
    expect(folderDigest(target)).toBe(before);
    await expect(installBackup(target, backup, {}, false, { storeKey: null, protector: null })).rejects.toThrow(/give it with DESKLINE_PASSPHRASE/);
  });

  it('`npm run backup` / `npm run restore` take the passphrase from a file; a wrong one writes nothing', () => {
    return (async () => {
      const { dataDir } = await encryptedStoreWithNotes('correct horse battery', 4);
      const good = path.join(tempDataDir('deskline-pass-'), 'pass.txt');
      writeFileSync(good, 'correct horse battery\n', { mode: 0o600 });
      const bad = path.join(path.dirname(good), 'bad.txt');
      writeFileSync(bad, 'nope\n', { mode: 0o600 });
      const cli = (name: string, args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', `electron/adapters/store/cli/${name}.ts`, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DESKLINE_PASSPHRASE: '' } });
      const out = path.join(tempDataDir('deskline-out-'), 'backup.sqlite');

      const refused = cli('backup', ['--data-dir', dataDir, '--out', out, '--passphrase-file', bad]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/Wrong passphrase/);
      expect(existsSync(out)).toBe(false);

      const made = cli('backup', ['--data-dir', dataDir, '--out', out, '--passphrase-file', good]);
      expect(made.stderr).toBe('');
      expect(made.stdout).toMatch(/Backed up 0 calls .*encrypted/);
      expect(isSealedImage(readFileSync(out))).toBe(true);

      const target = tempDataDir('deskline-crypt-cli-');
      const wrong = cli('restore', ['--data-dir', target, '--in', out, '--passphrase-file', bad]);
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(/Wrong passphrase/);
      expect(existsSync(path.join(target, 'db'))).toBe(false);
      const restored = cli('restore', ['--data-dir', target, '--in', out, '--passphrase-file', good]);
      expect(restored.stderr).toBe('');
      expect(restored.status).toBe(0);
      const key = (await resolveStoreKey(target, { protector: passphraseProtector('correct horse battery') }))!;
      await withStore(target, async (store) => expect(await markers(store)).toEqual(range(1, 5)), { dataKey: key });

      // A plain store converts: its (plain) backup restored into a new folder with a passphrase.
      const plainDir = tempDataDir('deskline-plain-');
      await withStore(plainDir, (store) => store.commit([noteInsert(1)]).then(() => undefined));
      const plainBackup = path.join(tempDataDir('deskline-out-'), 'plain.sqlite');
      expect(cli('backup', ['--data-dir', plainDir, '--out', plainBackup, '--passphrase-file', good]).status).toBe(0);
      expect(isSealedImage(readFileSync(plainBackup))).toBe(false);
      const converted = tempDataDir('deskline-crypt-converted-');
      expect(cli('restore', ['--data-dir', converted, '--in', plainBackup, '--passphrase-file', good]).status).toBe(0);
      expect(existsSync(path.join(converted, 'store-key.json'))).toBe(true);
      expect(plainTextIn(converted)).toEqual([]);
      const convertedKey = (await resolveStoreKey(converted, { protector: passphraseProtector('correct horse battery') }))!;
      await withStore(converted, async (store) => expect(await markers(store)).toEqual([1]), { dataKey: convertedKey });
    })();
  }, 180_000);
});

describe('the key check', () => {
  it('says "wrong passphrase" for the store, not for its data', async () => {
    const dataDir = tempDataDir('deskline-crypt-');
    await resolveStoreKey(dataDir, { protector: passphraseProtector('a') });
    await expect(resolveStoreKey(dataDir, { protector: passphraseProtector('b') })).rejects.toBeInstanceOf(StoreKeyError);
  });
});
