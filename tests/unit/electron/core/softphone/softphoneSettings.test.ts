// Account settings: the password is encrypted at rest (AES-256-GCM, key file 0600), never in the
// settings file and never in what the renderer gets back.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveSoftphoneSettingsSchema } from '../../../../../shared/contract/softphone';
import { FileKeySecretStore, secretKeyFileName, secretsFileName } from '../../../../../electron/adapters/secrets/fileKeySecretStore';
import { SoftphoneSettings, softphoneSettingsKey } from '../../../../../electron/core/softphone/softphoneSettings';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

const account = {
  serverUrl: 'wss://pbx.example.com/ws',
  sipUri: 'sip:1001@pbx.example.com',
  authUser: '',
  displayName: 'Agent One',
  iceServers: [],
  declineCode: 603 as const,
  dtmfMode: 'rfc4733' as const,
  rejectCallWaiting: false,
};

describe('softphone settings and secrets', () => {
  it('keeps the password only encrypted and never returns it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-secrets-'));
    const settingsPort = new MemorySettings();
    const settings = new SoftphoneSettings(settingsPort, new FileKeySecretStore(dir));
    const view = await settings.save({ ...account, password: 'pa55-word-ÄÖ' });
    expect(view).toMatchObject({ passwordSet: true, configured: true });
    expect(JSON.stringify(view)).not.toContain('pa55');
    expect(JSON.stringify(settingsPort.get(softphoneSettingsKey, null))).not.toContain('pa55');
    expect(readFileSync(path.join(dir, secretsFileName), 'utf8')).not.toContain('pa55');
    expect(statSync(path.join(dir, secretKeyFileName)).mode & 0o777).toBe(0o600);

    // A second store over the same dir (next start) decrypts it.
    const reopened = new SoftphoneSettings(settingsPort, new FileKeySecretStore(dir));
    expect((await reopened.account())?.password).toBe('pa55-word-ÄÖ');

    // Omitted keeps it, empty string removes it.
    await reopened.save({ ...account, displayName: 'Renamed' });
    expect((await reopened.account())?.password).toBe('pa55-word-ÄÖ');
    expect((await reopened.save({ ...account, password: '' })).passwordSet).toBe(false);
  });

  it('refuses a tampered secret instead of returning garbage', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-secrets-'));
    const store = new FileKeySecretStore(dir);
    await store.set('softphone.password', 'secret');
    const file = path.join(dir, secretsFileName);
    const sealed = JSON.parse(readFileSync(file, 'utf8'));
    sealed['softphone.password'].data = Buffer.from('tampered').toString('base64');
    writeFileSync(file, JSON.stringify(sealed));
    await expect(new FileKeySecretStore(dir).get('softphone.password')).rejects.toThrow();
  });

  it('validates account input with clear messages', () => {
    const bad = saveSoftphoneSettingsSchema.safeParse({ ...account, serverUrl: 'http://pbx', sipUri: '1001' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('The server must be a ws:// or wss:// URL');
    expect(messages).toContain('The SIP URI looks like sip:user@domain');
    expect(saveSoftphoneSettingsSchema.safeParse({ ...account, declineCode: 500 }).success).toBe(false);
    expect(saveSoftphoneSettingsSchema.safeParse(account).success).toBe(true);
  });

  it('reports an unconfigured account as not configured', async () => {
    const settings = new SoftphoneSettings(new MemorySettings(), new FileKeySecretStore(mkdtempSync(path.join(os.tmpdir(), 'deskline-secrets-'))));
    expect(await settings.view()).toMatchObject({ configured: false, passwordSet: false, serverUrl: '' });
    expect(await settings.account()).toBeNull();
  });
});
