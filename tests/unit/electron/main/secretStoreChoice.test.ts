// Where the SIP password is kept, for every value Electron documents for
// safeStorage.getSelectedStorageBackend() on Linux (docs/api/safe-storage.md: basic_text,
// gnome_libsecret, kwallet, kwallet5, kwallet6, unknown) and for isEncryptionAvailable().
import { describe, expect, it } from 'vitest';
import { chooseSecretStore } from '../../../../electron/main/secretStoreChoice';

describe('chooseSecretStore', () => {
  it('uses safeStorage on Linux only with a real keyring backend', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(chooseSecretStore({ platform: 'linux', encryptionAvailable: true, linuxBackend }), linuxBackend).toEqual({ store: 'safeStorage' });
    }
  });

  it('refuses basic_text (a fixed, public key) and falls back to the file-key store, saying why', () => {
    const choice = chooseSecretStore({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' });
    expect(choice.store).toBe('fileKey');
    expect(choice.store === 'fileKey' && choice.reason).toMatch(/basic_text.*fixed and public/);
  });

  it('does not trust unknown (asked after ready, the backend could not be determined) nor a value Electron does not document', () => {
    for (const linuxBackend of ['unknown', 'kwallet7', '', undefined]) {
      const choice = chooseSecretStore({ platform: 'linux', encryptionAvailable: true, linuxBackend });
      expect(choice.store, String(linuxBackend)).toBe('fileKey');
    }
  });

  it('uses the OS store on macOS and Windows when encryption is available', () => {
    expect(chooseSecretStore({ platform: 'darwin', encryptionAvailable: true })).toEqual({ store: 'safeStorage' });
    expect(chooseSecretStore({ platform: 'win32', encryptionAvailable: true })).toEqual({ store: 'safeStorage' });
  });

  it('falls back to the file-key store wherever encryption is not available', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const choice = chooseSecretStore({ platform, encryptionAvailable: false, linuxBackend: 'gnome_libsecret' });
      expect(choice, platform).toEqual({ store: 'fileKey', reason: 'the operating system offers no safeStorage encryption' });
    }
  });
});
