// A call whose audio cannot be set up (the browser refusing the far end's SDP) ends as a media
// failure that the agent is told in words, never the browser's own error text (issue 20). Real
// Kamailio and sip.js; the desk's media is the static SDP fake with its SDP step made to fail.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaticSdpMedia } from '../../../../../electron/adapters/sip/staticSdpMedia';
import type { MediaSession } from '../../../../../electron/core/softphone/ports';
import type { CallEvent } from '../../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { startTestSoftphone, type TestSoftphone } from '../../../../support/softphone/softphoneFixtures';

const browserError = "Failed to execute 'setRemoteDescription' on 'RTCPeerConnection': Failed to set remote answer sdp";

/** The static fake, except that the step named fails the way a browser's would. */
function failingMedia(media: StaticSdpMedia, step: 'createAnswer' | 'setRemote'): void {
  const open = media.openSession.bind(media);
  media.openSession = (callId: string): MediaSession => {
    const session = open(callId);
    const fail = () => Promise.reject(new Error(`Renderer media error: ${browserError}`));
    if (step === 'createAnswer') session.createAnswer = fail;
    else session.setRemote = fail;
    return session;
  };
}

let kamailio: RunningKamailio;
let agent: TestSoftphone;
let far: ScriptedUa;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
});
afterAll(async () => {
  await kamailio?.stop();
});
beforeEach(async () => {
  agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
});
afterEach(async () => {
  await agent.stop();
  await far?.stop();
});

describe('media failures are said in words', () => {
  it('inbound: Answer answers the MEDIA code, the call ends as a media failure, the caller gets a final response', async () => {
    failingMedia(agent.media, 'createAnswer');
    far = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
    await far.start();
    const call = await far.call('1001');
    const ringing = await agent.events.waitFor((r) => r.event === 'onCallEvent' && r.payload.type === 'ringing', 'ringing');
    const callId = (ringing.payload as CallEvent).callId;

    const refusal = await agent.service.answerCall(callId).then(
      () => null,
      (error: unknown) => error as { code?: string; message?: string },
    );
    expect(refusal).toMatchObject({ code: 'MEDIA', message: 'The call could not be connected (media).' });
    expect(refusal?.message).not.toContain('setRemoteDescription');
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'failed', failure: 'media' });
    await call.terminated;
    expect(call.rejectedWith).toBeGreaterThanOrEqual(400);
  });

  it("outbound: the far end's answer refused by the media ends the call as a media failure", async () => {
    failingMedia(agent.media, 'setRemote');
    far = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain, autoAnswer: true });
    await far.start();
    const view = await agent.service.dial('3001');
    expect(await agent.events.callEvent('ended', view.callId)).toMatchObject({ cause: 'failed', by: 'system', failure: 'media' });
  });
});
