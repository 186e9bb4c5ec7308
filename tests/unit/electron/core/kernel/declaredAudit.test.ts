// S-6: the dispatcher records the audit entry a contract method declares, after the method
// succeeded and before it replies; an entry that cannot be recorded is an error, never a silent gap.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../../../../electron/core/audit/ports';
import { createDispatcher, type ApiHandlers } from '../../../../../electron/core/kernel/dispatcher';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const clock = { wallNow: () => 1_700_000_000_000 };
const calendar = { timeZone: 'Asia/Shanghai', holidays: [], makeUpDays: [], callbackWorkingHours: 4, dueSoonMinutes: 60 };
const lead = { role: 'teamLead' as const, userId: 'lead-1' };

class RecordingAuditLog implements AuditLog {
  entries: AuditEntry[] = [];
  failWith: Error | null = null;
  async record(entry: AuditEntry) {
    if (this.failWith) throw this.failWith;
    this.entries.push(entry);
  }
}

function setup(saveWorkingCalendar: () => unknown) {
  const log = new RecordingAuditLog();
  const handlers = { saveWorkingCalendar, getAppInfo: () => ({ host: 'web', version: '0', languageOverride: null, role: 'teamLead', userId: 'lead-1' }) } as unknown as ApiHandlers;
  return { log, dispatch: createDispatcher(handlers, silent, { log, clock }) };
}

describe('declared audit entries', () => {
  it('records who changed which settings (field names only) once the change succeeded', async () => {
    const { log, dispatch } = setup(() => calendar);
    const reply = await dispatch('saveWorkingCalendar', calendar, lead);
    expect(reply).toEqual({ ok: true, value: calendar });
    expect(log.entries).toEqual([
      { at: clock.wallNow(), actorId: 'lead-1', actorRole: 'teamLead', action: 'settings.change', subject: 'saveWorkingCalendar', detail: { method: 'saveWorkingCalendar', fields: Object.keys(calendar).sort() } },
    ]);
  });

  it('records nothing when the method fails, and nothing for a method that declares no entry', async () => {
    const { log, dispatch } = setup(() => {
      throw new Error('disk full');
    });
    expect(await dispatch('saveWorkingCalendar', calendar, lead)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await dispatch('getAppInfo', {}, lead)).toMatchObject({ ok: true });
    expect(log.entries).toEqual([]);
  });

  it('answers with an error naming the audit log when the entry cannot be recorded', async () => {
    const { log, dispatch } = setup(() => calendar);
    log.failWith = new Error('The store engine stopped');
    expect(await dispatch('saveWorkingCalendar', calendar, lead)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'saveWorkingCalendar was done, but it could not be recorded in the audit log: The store engine stopped' },
    });
  });
});
