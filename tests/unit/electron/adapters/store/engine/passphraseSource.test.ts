// Issue 13: the web host's passphrase comes from --passphrase-file or DESKLINE_PASSPHRASE; the
// variable is taken out of the environment so no child process inherits it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../../../../../electron/adapters/store/engine/storeCipher';
import { passphraseFromHost, passphraseVariable } from '../../../../../../electron/adapters/store/engine/passphraseSource';
import { passphraseProtector } from '../../../../../../electron/adapters/store/engine/storeKeyFile';
import { tempDataDir } from '../../../../../support/webHost';

/** The same passphrase: what one protector wraps, the other unwraps. */
async function samePassphrase(a: ReturnType<typeof passphraseFromHost>, passphrase: string): Promise<boolean> {
  const key = newDataKey();
  return (await a.protector!.unwrap(await passphraseProtector(passphrase).wrap(key))).equals(key);
}

describe('passphraseFromHost', () => {
  it('reads the variable and deletes it from the environment', async () => {
    const env: NodeJS.ProcessEnv = { [passphraseVariable]: 'from env', OTHER: 'x' };
    const source = passphraseFromHost(['--port', '0'], env);
    expect(source.from).toBe(passphraseVariable);
    expect(env).toEqual({ OTHER: 'x' });
    expect(await samePassphrase(source, 'from env')).toBe(true);
  });

  it('prefers --passphrase-file (its first line), and still clears the variable', async () => {
    const file = path.join(tempDataDir('deskline-pass-'), 'pass');
    writeFileSync(file, 'from file\nsecond line\n');
    const env: NodeJS.ProcessEnv = { [passphraseVariable]: 'from env' };
    const source = passphraseFromHost(['--passphrase-file', file], env);
    expect(source.from).toBe(`--passphrase-file ${file}`);
    expect(env[passphraseVariable]).toBeUndefined();
    expect(await samePassphrase(source, 'from file')).toBe(true);
  });

  it('gives no protector when neither is given, and a clear error for a missing or empty file', () => {
    expect(passphraseFromHost([], {}).protector).toBeNull();
    expect(passphraseFromHost([], { [passphraseVariable]: '' }).protector).toBeNull();
    expect(() => passphraseFromHost(['--passphrase-file', '/nonexistent/pass'], {})).toThrow(/--passphrase-file \/nonexistent\/pass cannot be read/);
    const empty = path.join(tempDataDir('deskline-pass-'), 'empty');
    writeFileSync(empty, '\n');
    expect(() => passphraseFromHost(['--passphrase-file', empty], {})).toThrow(/first line is empty/);
  });
});
