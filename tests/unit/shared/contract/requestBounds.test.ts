// Every string and array a request may carry has an upper bound in the contract, so a client
// cannot make the host store, log or send on a megabyte where a URI belongs. The web binding caps
// a frame at 1 MiB, but Electron's IPC has no such cap: the contract is the one limit for both.
import { describe, expect, it } from 'vitest';
import { api } from '../../../../shared/contract/api';
import { checksOf, defOf, schemaPaths } from '../../../support/contractFuzz/zodArbitrary';

/** Bounded another way, each checked below: a fixed-width regex, or a size rule of its own. */
const boundedOtherwise: Record<string, (schema: Parameters<typeof checksOf>[0]) => boolean> = {
  'sendDtmf tones': (s) => !s.safeParse('1'.repeat(33)).success,
  'saveCallNote text': (s) => !s.safeParse('a'.repeat(64 * 1024 + 1)).success,
  'saveWorkingCalendar holidays.[]': (s) => !s.safeParse('2026-01-011').success,
  'saveWorkingCalendar makeUpDays.[]': (s) => !s.safeParse('2026-01-011').success,
};

describe('request bounds', () => {
  it('gives every string and array of every request an upper bound', () => {
    const unbounded: string[] = [];
    for (const [method, spec] of Object.entries(api)) {
      for (const { path, schema } of schemaPaths(spec.request)) {
        const type = defOf(schema).type;
        if (type !== 'string' && type !== 'array') continue;
        const label = `${method} ${path.join('.')}`;
        const hasMax = checksOf(schema).some((c) => c.check === 'max_length' || c.check === 'length_equals');
        if (hasMax) continue;
        const other = boundedOtherwise[label];
        if (!other || !other(schema)) unbounded.push(label);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('refuses a megabyte where a SIP URI, server URL, ICE URL or backup name belongs', () => {
    const mebibyte = 'a'.repeat(1024 * 1024);
    const account = {
      serverUrl: 'wss://pbx.example.com/ws', sipUri: 'sip:1001@pbx.example.com', authUser: '', displayName: '',
      iceServers: [{ urls: ['stun:stun.example.com'] }], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false,
    };
    const save = api.saveSoftphoneSettings.request;
    expect(save.safeParse(account).success).toBe(true);
    expect(save.safeParse({ ...account, serverUrl: `wss://pbx.example.com/${mebibyte}` }).success).toBe(false);
    expect(save.safeParse({ ...account, sipUri: `sip:${mebibyte}@pbx.example.com` }).success).toBe(false);
    expect(save.safeParse({ ...account, iceServers: [{ urls: [`stun:${mebibyte}`] }] }).success).toBe(false);
    expect(save.safeParse({ ...account, iceServers: [{ urls: Array(10_000).fill('stun:stun.example.com') }] }).success).toBe(false);
    expect(api.stageRestore.request.safeParse({ fileName: `deskline-${mebibyte}.sqlite` }).success).toBe(false);
  });
});
