// Softphone account settings: plain fields in the SettingsPort, the password only in the
// SecretStore (encrypted at rest), and never in anything returned to a renderer.
import type { SaveSoftphoneSettings, SoftphoneSettingsView } from '../../shared/contract/softphone';
import type { SettingsPort } from './ports';
import type { SecretStore, SipAccount } from './softphonePorts';

export const softphoneSettingsKey = 'softphone.account';
export const softphonePasswordSecret = 'softphone.password';

export type StoredSoftphoneSettings = Omit<SoftphoneSettingsView, 'passwordSet' | 'configured'>;

export const defaultSoftphoneSettings: StoredSoftphoneSettings = {
  serverUrl: '',
  sipUri: '',
  authUser: '',
  displayName: '',
  iceServers: [],
  declineCode: 603,
  dtmfMode: 'rfc4733',
  rejectCallWaiting: false,
  serverAssertsIdentity: false,
};

export class SoftphoneSettings {
  constructor(
    private readonly settings: SettingsPort,
    private readonly secrets: SecretStore,
  ) {}

  stored(): StoredSoftphoneSettings {
    const saved = this.settings.get<Partial<StoredSoftphoneSettings>>(softphoneSettingsKey, {});
    return { ...defaultSoftphoneSettings, ...(typeof saved === 'object' && saved ? saved : {}) };
  }

  async view(): Promise<SoftphoneSettingsView> {
    const stored = this.stored();
    return {
      ...stored,
      passwordSet: (await this.secrets.get(softphonePasswordSecret)) !== null,
      configured: stored.serverUrl !== '' && stored.sipUri !== '',
    };
  }

  async save(request: SaveSoftphoneSettings): Promise<SoftphoneSettingsView> {
    const { password, ...fields } = request;
    // The secret first: if it cannot be stored, the old settings stay as they were.
    if (password !== undefined) {
      if (password === '') await this.secrets.delete(softphonePasswordSecret);
      else await this.secrets.set(softphonePasswordSecret, password);
    }
    this.settings.set(softphoneSettingsKey, fields);
    return this.view();
  }

  /** The account to register with, or null when settings are incomplete. */
  async account(): Promise<SipAccount | null> {
    const stored = this.stored();
    if (!stored.serverUrl || !stored.sipUri) return null;
    return {
      serverUrl: stored.serverUrl,
      sipUri: stored.sipUri,
      authUser: stored.authUser,
      password: (await this.secrets.get(softphonePasswordSecret)) ?? '',
      displayName: stored.displayName,
      iceServers: stored.iceServers,
      serverAssertsIdentity: stored.serverAssertsIdentity,
    };
  }
}
