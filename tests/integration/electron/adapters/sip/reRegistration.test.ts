// Never miss a ring (issue 21): after the phone server was down long enough for the backoff to
// grow, the desk registers again as soon as the server answers, not when the backoff runs out.
// Real Kamailio and sip.js; the desk's own timers (backoff, probe) run on a clock the test moves.
import { afterEach, describe, expect, it } from 'vitest';
import { SipJsPhone } from '../../../../../electron/adapters/sip/sipJsPhone';
import { StaticSdpMedia } from '../../../../../electron/adapters/sip/staticSdpMedia';
import type { SipPortListener } from '../../../../../electron/core/softphone/ports';
import type { RegistrationStatus } from '../../../../../shared/contract/softphone';
import { FakeClock } from '../../../../support/fakeClock';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { silentLogger, startTestSoftphone, type TestSoftphone } from '../../../../support/softphone/softphoneFixtures';

const user = { user: '1001', password: 'agent-secret' };
let kamailio: RunningKamailio | undefined;
let phone: SipJsPhone | undefined;
let agent: TestSoftphone | undefined;
let caller: ScriptedUa | undefined;

afterEach(async () => {
  await phone?.stop();
  await agent?.stop();
  await caller?.stop();
  await kamailio?.stop();
  phone = agent = caller = kamailio = undefined;
});

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('re-registration after the server comes back', () => {
  it('probes while the server is down and registers once it answers, long before the backoff', async () => {
    kamailio = await startKamailio({ users: [user] });
    const clock = new FakeClock();
    const statuses: RegistrationStatus[] = [];
    phone = new SipJsPhone({ media: new StaticSdpMedia(), clock, logger: silentLogger, random: () => 0 });
    phone.setListener({ onRegistration: (s) => statuses.push(s) } as Partial<SipPortListener> as SipPortListener);
    await phone.start({ serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', password: user.password, displayName: '', iceServers: [] });
    expect(statuses.at(-1)?.kind).toBe('registered');

    // Down for a while: the drop, then three failed attempts grow the backoff to 8 s.
    const port = kamailio.port;
    await kamailio.stop();
    await until(() => statuses.at(-1)?.kind === 'connecting', 'the drop');
    for (let i = 0; i < 3; i++) {
      const seen = statuses.length;
      clock.advance(2 ** i * 1000); // the next backoff attempt falls due; the probes see it down
      await until(() => statuses.length > seen && statuses.at(-1)?.kind === 'failed', `failed attempt ${i + 1}`);
    }
    const retryIn = (statuses.at(-1) as Extract<RegistrationStatus, { kind: 'failed' }>).retryInMs;
    expect(retryIn).toBeGreaterThanOrEqual(8000);
    clock.advance(1000); // a probe while it is still down
    await new Promise((r) => setTimeout(r, 200));

    kamailio = await startKamailio({ users: [user], port });
    // The next probe (1 s) finds it; the REGISTER follows within the spread, while the backoff
    // attempt is still 6 s away on the desk's clock (each poll moves it only 5 ms: 2.5 s at most).
    clock.advance(1000);
    await until(() => {
      clock.advance(5);
      return statuses.at(-1)?.kind === 'registered';
    }, 'registered again');
    expect(statuses.at(-1)?.kind).toBe('registered');
  });

  it('an inbound call placed 1 s after the re-registration rings', async () => {
    kamailio = await startKamailio({ users: [user, { user: '3001', password: 'caller-secret' }] });
    agent = await startTestSoftphone(kamailio, user);
    const registeredAgain = agent.events.waitFor(
      (r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered' && agent!.events.all.some((e) => e.event === 'onRegistrationChanged' && e.payload.kind !== 'registered'),
      'registered again',
    );
    const port = kamailio.port;
    await kamailio.stop();
    await new Promise((r) => setTimeout(r, 3000));
    kamailio = await startKamailio({ users: [user, { user: '3001', password: 'caller-secret' }], port });
    await registeredAgain;
    await new Promise((r) => setTimeout(r, 1000));
    caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
    await caller.start();
    await caller.call('1001');
    expect(await agent.events.callEvent('ringing')).toMatchObject({ type: 'ringing', direction: 'inbound' });
  });
});
