// Which store keeps the SIP password in the Electron app: safeStorage only where it really
// encrypts with an OS-held key, else the file-key store the web host uses. Pure, tested with the
// values Electron documents for safeStorage (docs/api/safe-storage.md).

/** safeStorage.getSelectedStorageBackend() on Linux (Electron docs, exhaustive). */
export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageFacts {
  /** process.platform */
  readonly platform: string;
  /** safeStorage.isEncryptionAvailable() */
  readonly encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend(); only meaningful (and only asked) on Linux. */
  readonly linuxBackend?: string;
}

export type SecretStoreChoice = { readonly store: 'safeStorage' } | { readonly store: 'fileKey'; readonly reason: string };

const osKeyringBackends: ReadonlySet<string> = new Set<LinuxStorageBackend>(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * - Not available (docs: Linux before 'ready' or without a secret key; macOS without Keychain):
 *   file-key store, so the agent can still save the password.
 * - Linux `basic_text` ("when the desktop environment is not recognised or --password-store=basic"):
 *   Chromium then encrypts with a hard-coded password that is public in its source, so the
 *   "encrypted" value is as good as plain text; isEncryptionAvailable() still says true.
 * - Linux `unknown` (docs: "called before app has emitted the ready event"): we only ask after
 *   ready, so it means the backend could not be determined; not trusted.
 * - Any other value a future Electron adds is not trusted until someone reads what it is.
 * The file-key store's key is random per data folder and kept 0600, better than a public key.
 */
export function chooseSecretStore(facts: SafeStorageFacts): SecretStoreChoice {
  if (!facts.encryptionAvailable) {
    return { store: 'fileKey', reason: 'the operating system offers no safeStorage encryption' };
  }
  if (facts.platform !== 'linux') return { store: 'safeStorage' };
  const backend = facts.linuxBackend ?? 'unknown';
  if (osKeyringBackends.has(backend)) return { store: 'safeStorage' };
  if (backend === 'basic_text') {
    return { store: 'fileKey', reason: 'safeStorage uses basic_text here (no desktop keyring found), whose key is fixed and public' };
  }
  return { store: 'fileKey', reason: `safeStorage reports the storage backend "${backend}", which is not a known OS keyring` };
}
