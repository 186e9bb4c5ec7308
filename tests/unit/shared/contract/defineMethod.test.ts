// S-6: every method that changes settings, makes a backup or stages a restore declares its audit
// entry in the contract, so the dispatcher records it (electron/core/kernel/declaredAudit.ts). A
// new save* method without one fails here.
import { describe, expect, it } from 'vitest';
import { api, methodNames } from '../../../../shared/contract/api';
import type { AuditDeclaration } from '../../../../shared/contract/defineMethod';

const declared = (name: (typeof methodNames)[number]) => (api[name] as { audit?: AuditDeclaration }).audit;
/**
 * Saves their own features audit: data saved with its audit entry in the same commit (or not at all
 * yet), and the retention and identity settings, whose features record the values before/after.
 */
const savesOfData = new Set(['saveCustomer', 'saveCallNote', 'saveRetentionSettings', 'saveIdentitySettings']);

describe('declared audit entries in the contract', () => {
  it('are on every settings save, the backup and the restore', () => {
    const settingsSaves = ['saveSoftphoneSettings', 'saveClockSettings', 'saveCallRecordSettings', 'saveWorkingCalendar', 'saveAudioDevices', 'savePhoneShortcuts'] as const;
    for (const name of settingsSaves) expect(declared(name)?.action, name).toBe('settings.change');
    // A save* method added later declares what it records too (or audits its data change itself).
    for (const name of methodNames.filter((n) => n.startsWith('save') && !savesOfData.has(n))) expect(declared(name), name).toBeDefined();
    expect(declared('backupNow')?.action).toBe('backup.create');
    expect(declared('stageRestore')?.action).toBe('restore.stage');
  });

  it('name the backup file and the staged file as the subject', () => {
    expect(declared('backupNow')?.subject?.({}, { fileName: 'deskline-x.sqlite', bytes: 1, createdAt: 0 })).toBe('deskline-x.sqlite');
    expect(declared('stageRestore')?.subject?.({ fileName: 'deskline-y.sqlite' }, { message: '' })).toBe('deskline-y.sqlite');
  });
});
