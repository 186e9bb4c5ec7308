// The data key for the store CLIs (issue 13): an encrypted data folder is opened with the
// passphrase from --passphrase-file or DESKLINE_PASSPHRASE (as the web host does). A folder whose
// key the desktop app's OS keychain holds cannot be opened here: the error says to use the app.
import { passphraseFromHost } from '../engine/passphraseSource';
import type { DataKey } from '../engine/storeCipher';
import { readKeyRecord, unwrapKeyRecord, type KeyProtector, type KeyRecord } from '../engine/storeKeyFile';

/** The option every store CLI accepts besides its own. */
export const passphraseOption = 'passphrase-file';

export interface CliStoreKey {
  key: DataKey | null;
  record: KeyRecord | null;
  protector: KeyProtector | null;
}

/** Throws a clear error for a wrong or missing passphrase; reads nothing else and changes nothing. */
export async function cliStoreKey(argv: readonly string[], dataDir: string): Promise<CliStoreKey> {
  const { protector } = passphraseFromHost(argv, process.env);
  const record = readKeyRecord(dataDir);
  if (!record) return { key: null, record: null, protector };
  return { key: await unwrapKeyRecord(record, protector, `The data folder ${dataDir}`), record, protector };
}
