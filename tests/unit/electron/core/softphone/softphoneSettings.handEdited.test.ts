// A softphone account entry in the settings file that a save could not have written (hand-edited,
// broken, or from an older version) keeps its valid fields and falls back field by field, so
// getSoftphoneSettings still answers and the agent can fix the account in the settings page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SoftphoneSettings, softphoneSettingsKey } from '../../../../../electron/core/softphone/softphoneSettings';
import type { SecretStore } from '../../../../../electron/core/softphone/ports';
import { saveSoftphoneSettingsSchema, softphoneSettingsViewSchema } from '../../../../../shared/contract/softphone';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

const noSecrets: SecretStore = { get: async () => null, set: async () => undefined, delete: async () => undefined };

function settingsWith(entry: unknown): SoftphoneSettings {
  const port = new MemorySettings();
  port.set(softphoneSettingsKey, entry);
  return new SoftphoneSettings(port, noSecrets);
}

describe('softphone account read from the settings file', () => {
  it('keeps the valid fields of a broken entry and falls back for the rest', async () => {
    const settings = settingsWith({ serverUrl: 42, sipUri: 'sip:1001@pbx.example.com', displayName: null, iceServers: [{ urls: 'stun:x' }], declineCode: 486, dtmfMode: 'smoke' });
    const view = await settings.view();
    expect(softphoneSettingsViewSchema.parse(view)).toMatchObject({
      serverUrl: '',
      sipUri: 'sip:1001@pbx.example.com',
      displayName: '',
      iceServers: [],
      declineCode: 486,
      dtmfMode: 'rfc4733',
      configured: false,
    });
    expect(await settings.account()).toBeNull();
  });

  it('reads an entry that is not an object at all as no account', async () => {
    for (const entry of ['garbage', [1, 2], null, 7]) {
      expect(softphoneSettingsViewSchema.safeParse(await settingsWith(entry).view()).success, JSON.stringify(entry)).toBe(true);
    }
  });

  it('gives a view that parses and an account a save could have made, whatever the file holds', async () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('wss://pbx.example.com/ws', 'sip:1001@pbx.example.com', 603, 'info', true, []));
    const entry = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...Object.keys(saveSoftphoneSettingsSchema.shape)), field));
    await fc.assert(
      fc.asyncProperty(entry, async (stored) => {
        const settings = settingsWith(stored);
        expect(softphoneSettingsViewSchema.safeParse(await settings.view()).success).toBe(true);
        const account = await settings.account();
        if (account) {
          expect(saveSoftphoneSettingsSchema.shape.serverUrl.safeParse(account.serverUrl).success).toBe(true);
          expect(saveSoftphoneSettingsSchema.shape.sipUri.safeParse(account.sipUri).success).toBe(true);
        }
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });

  it('counts a secret store that cannot be read as no password, with a warning, and still answers', async () => {
    const port = new MemorySettings();
    port.set(softphoneSettingsKey, { serverUrl: 'wss://pbx.example.com/ws', sipUri: 'sip:1001@pbx.example.com' });
    const damaged: SecretStore = { ...noSecrets, get: async () => Promise.reject(new Error('The secrets file secrets.json is damaged')) };
    const warnings: string[] = [];
    const settings = new SoftphoneSettings(port, damaged, { warn: (message) => warnings.push(message) });
    expect(await settings.view()).toMatchObject({ passwordSet: false, configured: true });
    expect(await settings.account()).toMatchObject({ password: '' });
    expect(warnings[0]).toMatch(/password cannot be read/);
  });
});

