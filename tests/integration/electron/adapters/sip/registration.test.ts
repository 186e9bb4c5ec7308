// Registration of the sip.js adapter against a real Kamailio: success, wrong password reported
// once without retry loops, server unreachable at start, and re-register after a restart.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationStatus } from '../../../../../shared/contract/softphone';
import { SipJsPhone } from '../../../../../electron/adapters/sip/sipJsPhone';
import { StaticSdpMedia } from '../../../../../electron/adapters/sip/staticSdpMedia';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import type { SipAccount, SipPortListener } from '../../../../../electron/core/softphone/ports';
import { freeLoopbackPort, startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { silentLogger } from '../../../../support/softphone/softphoneFixtures';

let kamailio: RunningKamailio;
const phones: SipJsPhone[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }] });
});
afterEach(async () => {
  await Promise.all(phones.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await kamailio?.stop();
});

/** A phone whose registration statuses are recorded, with a waiter for the next matching one. */
function phoneWithStatusLog(backoffInitialMs = 100) {
  const statuses: RegistrationStatus[] = [];
  const waiters: { predicate: (s: RegistrationStatus) => boolean; resolve: (s: RegistrationStatus) => void }[] = [];
  const phone = new SipJsPhone({ media: new StaticSdpMedia(), clock: systemClock, logger: silentLogger, backoffInitialMs, backoffMaxMs: 400 });
  const listener: SipPortListener = {
    onRegistration: (status) => {
      statuses.push(status);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(status)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(status);
        }
      }
    },
    onIncomingCall: () => undefined,
    onCallAlerting: () => undefined,
    onCallEstablished: () => undefined,
    onCallEnded: () => undefined,
    onTransferProgress: () => undefined,
    onCallRefused: () => undefined,
  };
  phone.setListener(listener);
  phones.push(phone);
  const next = (predicate: (s: RegistrationStatus) => boolean) =>
    new Promise<RegistrationStatus>((resolve) => waiters.push({ predicate, resolve }));
  return { phone, statuses, next };
}

function account(overrides: Partial<SipAccount> = {}): SipAccount {
  return {
    serverUrl: kamailio.url,
    sipUri: `sip:1001@${kamailio.domain}`,
    authUser: '1001',
    password: 'agent-secret',
    displayName: 'Agent 1001',
    iceServers: [],
    ...overrides,
  };
}

describe('softphone registration through Kamailio', () => {
  it('registers with digest authentication and reports the granted expiry', async () => {
    const { phone, statuses, next } = phoneWithStatusLog();
    const registered = next((s) => s.kind === 'registered');
    await phone.start(account());
    const status = await registered;
    expect(status).toMatchObject({ kind: 'registered' });
    expect(status.kind === 'registered' && status.expiresSec).toBeGreaterThan(0);
    expect(statuses[0]).toEqual({ kind: 'connecting', attempt: 0 });
  });

  it('reports a wrong password once as an auth failure and does not retry', async () => {
    const { phone, statuses, next } = phoneWithStatusLog(50);
    const failed = next((s) => s.kind === 'failed');
    await phone.start(account({ password: 'wrong' }));
    const status = await failed;
    expect(status).toMatchObject({ kind: 'failed', reason: 'auth', sipCode: 403, retryInMs: null });
    // Wait well past several backoff periods: no further attempt may be made.
    await new Promise((r) => setTimeout(r, 400));
    expect(statuses.filter((s) => s.kind === 'connecting')).toHaveLength(1);
    expect(statuses.filter((s) => s.kind === 'failed')).toHaveLength(1);
  });

  it('reports an unreachable server at start, retries with backoff, and registers once it is up', async () => {
    const port = await freeLoopbackPort();
    const { phone, next } = phoneWithStatusLog(100);
    const unreachable = next((s) => s.kind === 'failed');
    await phone.start(account({ serverUrl: `ws://127.0.0.1:${port}` }));
    const status = await unreachable;
    expect(status).toMatchObject({ kind: 'failed', reason: 'unreachable', sipCode: null });
    expect(status.kind === 'failed' && status.retryInMs).toBeGreaterThanOrEqual(100);
    const second = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }], port });
    try {
      const registered = await next((s) => s.kind === 'registered');
      expect(registered.kind).toBe('registered');
    } finally {
      await phone.stop();
      await second.stop();
    }
  });

  it('reconnects and re-registers after Kamailio restarts (bindings are lost on restart)', async () => {
    const { phone, next } = phoneWithStatusLog(100);
    const first = next((s) => s.kind === 'registered');
    await phone.start(account());
    await first;
    const lost = next((s) => s.kind === 'connecting');
    const again = next((s) => s.kind === 'registered');
    await kamailio.restart();
    await lost;
    const status = await again;
    expect(status.kind).toBe('registered');
  });
});
