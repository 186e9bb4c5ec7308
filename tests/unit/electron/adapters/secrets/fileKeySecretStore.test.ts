// A damaged secrets file or key file (torn write, hand edit) fails reads with a clear error and is
// kept aside, never overwritten, when a new secret is saved, so the agent can enter the password again.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedSecretsFileError, FileKeySecretStore, secretKeyFileName, secretsFileName } from '../../../../../electron/adapters/secrets/fileKeySecretStore';

function storeWithSecretsFile(content: string): { dir: string; store: FileKeySecretStore } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-secrets-'));
  writeFileSync(path.join(dir, secretsFileName), content, { mode: 0o600 });
  return { dir, store: new FileKeySecretStore(dir) };
}

describe('FileKeySecretStore with a damaged secrets file', () => {
  for (const [what, content] of [['torn JSON', '{"softphone.password": {"iv": "AA'], ['not an object', '[1, 2]'], ['empty', '']] as const) {
    it(`${what}: reads fail clearly; a save keeps the damaged file aside and works`, async () => {
      const { dir, store } = storeWithSecretsFile(content);
      await expect(store.get('softphone.password')).rejects.toBeInstanceOf(DamagedSecretsFileError);
      await store.set('softphone.password', 'new-secret');
      expect(await store.get('softphone.password')).toBe('new-secret');
      const aside = readdirSync(dir).filter((f) => f.startsWith(`${secretsFileName}.damaged-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(content);
    });
  }

  it('deleting from a damaged file also starts afresh, keeping the damaged one', async () => {
    const { dir, store } = storeWithSecretsFile('{oops');
    await store.delete('softphone.password');
    expect(await store.get('softphone.password')).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith(`${secretsFileName}.damaged-`))).toBe(true);
  });

  it('a key file that is not 256 bits is kept aside with the secrets it sealed, and a new password saves', async () => {
    const { dir, store } = storeWithSecretsFile('{"softphone.password": {"iv": "AAAAAAAAAAAAAAAA", "tag": "AAAAAAAAAAAAAAAAAAAAAA==", "data": "AAAA"}}');
    writeFileSync(path.join(dir, secretKeyFileName), 'short', { mode: 0o600 });
    await expect(store.get('softphone.password')).rejects.toThrow(/not a 256-bit key/);
    await store.set('softphone.password', 'new-secret');
    expect(await new FileKeySecretStore(dir).get('softphone.password')).toBe('new-secret');
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith(`${secretKeyFileName}.damaged-`))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith(`${secretsFileName}.damaged-`))).toHaveLength(1);
  });
});

