// Issue 12: the SIP side survives any message Kamailio forwards. Raw SIP (RFC 4475 torture
// messages adapted to reach the desk, hostile callers) is written over a WebSocket to the real
// Kamailio, which routes it to the desk registered there (the real softphone service over the real
// sip.js adapter). The desk must stay alive and registered, the caller must get a final response,
// and what the agent sees of the caller must be bounded and free of control characters (S-6: the
// number shown is the number sent).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';
import { StaticSdpMedia } from '../../../../../electron/adapters/sip/staticSdpMedia';
import type { CallEvent, RemoteParty } from '../../../../../shared/contract/softphone';
import { maxCallerNameLength, maxCallerNumberLength } from '../../../../../shared/domain/callerIdText';
import { hostileRequests } from '../../../../fixtures/sip/hostileRequests';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { header, offerSdp, RawSipClient, type WireContext } from '../../../../support/sipUa/rawSipClient';
import { startTestSoftphone, type TestSoftphone } from '../../../../support/softphone/softphoneFixtures';

const deskAor = 'sip:1001@deskline.test';

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const controlOrBidi = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** Everything that would have ended a real host process (issue 12: Node exits on either). */
const processFailures: string[] = [];
const onRejection = (reason: unknown) => void processFailures.push(`unhandledRejection: ${String(reason)}`);
const onException = (error: unknown) => void processFailures.push(`uncaughtException: ${String(error)}`);

function recordingLogger(): Logger & { errors: { message: string; details?: Record<string, unknown> }[] } {
  const errors: { message: string; details?: Record<string, unknown> }[] = [];
  return {
    errors,
    info: () => undefined,
    warn: () => undefined,
    error: (message, details) => void errors.push({ message, details }),
  };
}

let kamailio: RunningKamailio;
let agent: TestSoftphone;
let client: RawSipClient;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  kamailio = await startKamailio({
    users: [
      { user: '1001', password: 'agent-secret' },
      { user: '3001', password: 'callee-secret' },
    ],
  });
});
afterAll(async () => {
  await kamailio?.stop();
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
});

function offeredAfter(from: number): CallEvent & { type: 'offered' } {
  const offered = agent.events.all.slice(from).flatMap((r) => (r.event === 'onCallEvent' && r.payload.type === 'offered' ? [r.payload] : []));
  return offered[0] as CallEvent & { type: 'offered' };
}

function expectSafeCaller(remote: RemoteParty): void {
  expect(remote.number).not.toMatch(controlOrBidi);
  expect(Array.from(remote.number).length).toBeLessThanOrEqual(maxCallerNumberLength);
  expect(remote.number.length).toBeGreaterThan(0);
  if (remote.name !== null) {
    expect(remote.name).not.toMatch(controlOrBidi);
    expect(Array.from(remote.name).length).toBeLessThanOrEqual(maxCallerNameLength);
  }
}

/** The desk is alive, registered, has no call left over, and nothing escaped to the process. */
async function expectDeskHealthy(): Promise<void> {
  // Give a late rejection (sip.js calls our handler from a promise) the chance to surface.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(processFailures).toEqual([]);
  expect(agent.service.state().registration.kind).toBe('registered');
  await expect.poll(() => agent.service.state().calls.length, { timeout: 5000 }).toBe(0);
  for (const record of agent.events.all) {
    if (record.event === 'onCallEvent' && record.payload.type === 'offered') expectSafeCaller(record.payload.remote);
  }
}

/** The caller gives up after hearing it ring: CANCEL, then the INVITE must end 487. */
async function cancelRinging(ctx: WireContext): Promise<void> {
  await client.response(ctx.branch, (s) => s === 180, '180 Ringing');
  // Still ringing a moment later: the call was not ended behind the agent's back.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(client.responses(ctx.branch).map((r) => r.status).filter((s) => (s ?? 0) >= 200)).toEqual([]);
  client.cancel(ctx);
  const final = await client.response(ctx.branch, (s) => s >= 200, 'final response to the INVITE');
  expect(final.status).toBe(487);
  client.ack(ctx, final);
}

describe('INVITEs and other requests a proxy forwards, through the real Kamailio', () => {
  beforeEach(async () => {
    processFailures.length = 0;
    agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
    client = await RawSipClient.connect(kamailio.url);
  });
  afterEach(async () => {
    client?.close();
    await agent?.stop();
  });

  for (const request of hostileRequests) {
    it(`${request.name} (${request.source})`, async () => {
      const before = agent.events.all.length;
      const ctx = client.context(deskAor);
      client.send(request.build(ctx));

      if (request.outcome.kind === 'rings') {
        const ringing = await agent.events.waitFor(
          (r) => agent.events.all.indexOf(r) >= before && r.event === 'onCallEvent' && r.payload.type === 'ringing',
          'ringing at the desk',
        );
        const offered = offeredAfter(before);
        expect(offered.callId).toBe((ringing.payload as CallEvent).callId);
        // toMatchObject: a RemoteParty may carry more than name and number (e.g. whether it is verified).
        expect(offered.remote).toMatchObject({ number: request.outcome.number, name: request.outcome.name });
        await cancelRinging(ctx);
        await agent.events.callEvent('ended', offered.callId);
      } else if (request.outcome.kind === 'notForwarded') {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(offeredAfter(before)).toBeUndefined();
      } else {
        const final = await client.response(ctx.branch, (s) => s >= 200, 'final response', 10_000, '\\S+');
        expect(final.status).toBe(request.outcome.status);
        if (/\sINVITE$/.test(header(final, 'cseq') ?? '')) client.ack(ctx, final);
        expect(offeredAfter(before)).toBeUndefined();
      }
      await expectDeskHealthy();
    });
  }

  it('answers a sip:%25@… caller, and hangs up on it (our BYE to a "%" user part is built)', async () => {
    const before = agent.events.all.length;
    const ctx = client.context(deskAor);
    client.send(hostileRequests[0]!.build(ctx));
    const ringing = await agent.events.callEvent('ringing');
    expect(offeredAfter(before).remote.number).toBe('%');
    await agent.service.answerCall(ringing.callId);
    const ok = await client.response(ctx.branch, (s) => s === 200, '200 OK');
    client.ack(ctx, ok);
    await agent.events.callEvent('answered', ringing.callId);
    await agent.service.hangUp(ringing.callId);
    const bye = await client.waitFor((m) => m.method === 'BYE', 'BYE from the desk');
    expect(header(bye, 'to')).toContain('sip:%25@example.com');
    const ended = await agent.events.callEvent('ended', ringing.callId);
    expect(ended).toMatchObject({ type: 'ended', cause: 'completed', by: 'local' });
    await expectDeskHealthy();
  });

  it('keeps an answered call through a re-INVITE with SDP it cannot use, odd INFO and UPDATE, until the caller hangs up', async () => {
    const ctx = client.context(deskAor);
    client.send(hostileRequests[0]!.build(ctx));
    const ringing = await agent.events.callEvent('ringing');
    await agent.service.answerCall(ringing.callId);
    const ok = await client.response(ctx.branch, (s) => s === 200, '200 OK');
    client.ack(ctx, ok);
    await agent.events.callEvent('answered', ringing.callId);

    const reinvite = client.inDialog(ok, 'INVITE', 10, [], 'v=0\r\nthis is not SDP \u202E\u0000\r\n');
    const refused = await client.response(reinvite, (s) => s >= 200, 're-INVITE final response');
    expect(refused.status).toBeGreaterThanOrEqual(400);
    client.ack({ ...ctx, branch: reinvite }, refused);
    const info = client.inDialog(ok, 'INFO', 11, [], `Signal=\u202E5\r\nDuration=${'9'.repeat(2000)}`, 'application/dtmf-relay');
    expect((await client.response(info, (s) => s >= 200, 'INFO final response', 10_000, 'INFO')).status).toBeLessThan(500);
    const update = client.inDialog(ok, 'UPDATE', 12);
    expect((await client.response(update, (s) => s >= 200, 'UPDATE final response', 10_000, 'UPDATE')).status).toBeGreaterThanOrEqual(200);
    expect(agent.service.state().calls.map((c) => c.phase)).toEqual(['active']);

    const bye = client.inDialog(ok, 'BYE', 13);
    expect((await client.response(bye, (s) => s >= 200, 'BYE final response', 10_000, 'BYE')).status).toBe(200);
    expect(await agent.events.callEvent('ended', ringing.callId)).toMatchObject({ cause: 'completed', by: 'remote' });
    await expectDeskHealthy();
  });

  it('refuses with 482 an INVITE that repeats the Call-ID and From tag of a ringing call; the first call is unharmed', async () => {
    const ctx = client.context(deskAor);
    client.send(hostileRequests[0]!.build(ctx));
    const ringing = await agent.events.callEvent('ringing');
    const repeated: WireContext = { ...client.context(deskAor), callId: ctx.callId, fromTag: ctx.fromTag };
    client.send(hostileRequests[0]!.build(repeated).replace('CSeq: 1 INVITE', 'CSeq: 2 INVITE'));
    const refused = await client.response(repeated.branch, (s) => s >= 200, 'final response to the repeat');
    expect(refused.status).toBe(482);
    client.ack(repeated, refused);
    expect(agent.service.state().calls.map((c) => c.callId)).toEqual([ringing.callId]);
    await cancelRinging(ctx);
    const ended = await agent.events.callEvent('ended', ringing.callId);
    expect(ended).toMatchObject({ cause: 'abandoned' });
    await expectDeskHealthy();
  });
});

describe('strange responses to a call the desk places', () => {
  it('takes a status line without reason phrase and a UTF-8 one (RFC 4475 §3.1.1.13 unreason, §3.1.1.14 noreason)', async () => {
    processFailures.length = 0;
    agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
    const callee = await RawSipClient.connect(kamailio.url);
    try {
      await callee.register('3001', 'callee-secret', kamailio.domain);
      const call = await agent.service.dial('3001');
      const invite = await callee.waitFor((m) => m.method === 'INVITE', 'INVITE from the desk');
      // noreason: "SIP/2.0 100 " with no phrase; a 100 stops at Kamailio, so a 180 carries the form.
      callee.respond(invite, 'SIP/2.0 180 ', { toTag: 'unreason' });
      await agent.events.callEvent('alerting', call.callId);
      callee.respond(invite, 'SIP/2.0 200 = 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435', {
        toTag: 'unreason',
        body: offerSdp,
      });
      await agent.events.callEvent('answered', call.callId);
      await callee.waitFor((m) => m.method === 'ACK', 'ACK from the desk');
      await agent.service.hangUp(call.callId);
      await callee.waitFor((m) => m.method === 'BYE', 'BYE from the desk');
      expect(await agent.events.callEvent('ended', call.callId)).toMatchObject({ cause: 'completed', by: 'local' });
      await expectDeskHealthy();
    } finally {
      callee.close();
      await agent.stop();
    }
  });
});

describe('text a called party chooses, shown to the agent', () => {
  it('is cleaned: a REFER refused with a bidi-laden, overlong reason phrase fails the transfer with clean text', async () => {
    processFailures.length = 0;
    agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
    const callee = await RawSipClient.connect(kamailio.url);
    try {
      await callee.register('3001', 'callee-secret', kamailio.domain);
      const call = await agent.service.dial('3001');
      const invite = await callee.waitFor((m) => m.method === 'INVITE', 'INVITE from the desk');
      callee.respond(invite, 'SIP/2.0 200 OK', { toTag: 'refuser', body: offerSdp });
      await agent.events.callEvent('answered', call.callId);
      callee.statusFor = (request) => (request.method === 'REFER' ? `SIP/2.0 403 \u202Edetcepxe\u202C \u2066ok\u2069 ${'x'.repeat(500)}` : null);
      const failure = await agent.service.blindTransfer(call.callId, '2002').catch((error: unknown) => error as Error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).not.toMatch(controlOrBidi);
      expect((failure as Error).message).toContain('REFER refused: 403 detcepxe ok xxx');
      expect((failure as Error).message.length).toBeLessThan(250);
      const failed = await agent.events.callEvent('transferFailed', call.callId);
      expect((failed as { reason: string }).reason).not.toMatch(controlOrBidi);
      callee.statusFor = null;
      await agent.service.hangUp(call.callId);
      await agent.events.callEvent('ended', call.callId);
      await expectDeskHealthy();
    } finally {
      callee.close();
      await agent.stop();
    }
  });
});

describe('an INVITE the desk fails to handle', () => {
  /** A media port whose answer preparation fails, as a broken renderer bridge would. */
  class FailingPrepareMedia extends StaticSdpMedia {
    prepareAnswer(): void {
      throw new Error('media bridge broke');
    }
  }

  it('is answered 500 at once (never left ringing), the failure is logged, and the desk carries on', async () => {
    processFailures.length = 0;
    const logger = recordingLogger();
    agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' }, { media: new FailingPrepareMedia(), logger });
    client = await RawSipClient.connect(kamailio.url);
    try {
      const ctx = client.context(deskAor);
      client.send(hostileRequests[0]!.build(ctx));
      const final = await client.response(ctx.branch, (s) => s >= 200, 'final response', 5000);
      expect(final.status).toBe(500);
      client.ack(ctx, final);
      expect(logger.errors.map((e) => e.message)).toContain('Incoming call could not be handled; refused with 500');
      expect(JSON.stringify(logger.errors)).toContain('media bridge broke');
      const ended = await agent.events.callEvent('ended');
      expect(ended).toMatchObject({ by: 'system', cause: 'failed', sipCode: 500 });
      await expectDeskHealthy();
    } finally {
      client.close();
      await agent.stop();
    }
  });
});
