// Softphone account settings: plain fields in the SettingsPort, the password only in the
// SecretStore (encrypted at rest), and never in anything returned to a renderer.
import type { z } from 'zod';
import { saveSoftphoneSettingsSchema, type SaveSoftphoneSettings, type SoftphoneSettingsView } from '../../../shared/contract/softphone';
import type { Logger, SettingsPort } from '../kernel/platformPorts';
import type { SecretStore, SipAccount } from './ports';

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

/** Hot-desking (issue 13): the phone account an admin set for the agent signed in at this desk. */
export interface PersonalPhoneAccount {
  server: string;
  sipUri: string;
  authUser: string;
  password: string;
  displayName: string;
}

export class SoftphoneSettings {
  /** While set, the desk registers as this account; the device settings (ICE, DTMF…) still come from here. */
  private personal: PersonalPhoneAccount | null = null;

  constructor(
    private readonly settings: SettingsPort,
    private readonly secrets: SecretStore,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {}

  /**
   * The saved password, or null. A secret store that cannot be read (a damaged secrets file, a key
   * that no longer matches) counts as no password, with a warning: the host still starts and the
   * settings page still opens, so the agent can enter the password again (issue 12).
   */
  private async password(): Promise<string | null> {
    try {
      return await this.secrets.get(softphonePasswordSecret);
    } catch (error) {
      this.logger?.warn('The saved SIP password cannot be read; enter it again in the phone settings', { error: String(error) });
      return null;
    }
  }

  /**
   * The saved account, field by field as a save could have written it: a hand-edited or broken
   * settings file (a number for the server, an array for the entry) keeps its valid fields and
   * falls back to the default for the rest, so the settings page still opens to fix it (issue 12).
   */
  stored(): StoredSoftphoneSettings {
    const saved = this.settings.get<unknown>(softphoneSettingsKey, {});
    const record: Record<string, unknown> = typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? (saved as Record<string, unknown>) : {};
    const fields = saveSoftphoneSettingsSchema.shape as Record<string, z.ZodType | undefined>;
    const result: Record<string, unknown> = { ...defaultSoftphoneSettings };
    for (const [key, fallback] of Object.entries(defaultSoftphoneSettings)) {
      if (record[key] === undefined) continue;
      const schema = fields[key];
      const parsed = schema ? schema.safeParse(record[key]) : { success: typeof record[key] === typeof fallback, data: record[key] };
      if (parsed.success) result[key] = parsed.data;
    }
    return result as StoredSoftphoneSettings;
  }

  async view(): Promise<SoftphoneSettingsView> {
    const stored = this.stored();
    return {
      ...stored,
      passwordSet: (await this.password()) !== null,
      configured: this.personal !== null || (stored.serverUrl !== '' && stored.sipUri !== ''),
    };
  }

  /** Hot-desking: register as `account` (null: back to the desk's own settings, if any). */
  usePersonalAccount(account: PersonalPhoneAccount | null): void {
    this.personal = account;
  }

  usingPersonalAccount(): boolean {
    return this.personal !== null;
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
    const personal = this.personal;
    if (personal) {
      return {
        serverUrl: personal.server,
        sipUri: personal.sipUri,
        authUser: personal.authUser,
        password: personal.password,
        displayName: personal.displayName,
        iceServers: stored.iceServers,
        serverAssertsIdentity: stored.serverAssertsIdentity,
      };
    }
    if (!stored.serverUrl || !stored.sipUri) return null;
    return {
      serverUrl: stored.serverUrl,
      sipUri: stored.sipUri,
      authUser: stored.authUser,
      password: (await this.password()) ?? '',
      displayName: stored.displayName,
      iceServers: stored.iceServers,
      serverAssertsIdentity: stored.serverAssertsIdentity,
    };
  }
}
