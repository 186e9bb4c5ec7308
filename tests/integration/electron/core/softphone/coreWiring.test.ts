// The softphone through the core's dispatcher, as a renderer drives it: settings without the
// password, registration events, and an inbound call whose media steps go over the renderer
// bridge (onMediaRequest → completeMediaRequest), answered and held through a real Kamailio.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSoftphonePorts } from '../../../../../electron/adapters/sip/nodeSoftphonePorts';
import type { Core } from '../../../../../electron/core/createCore';
import { createTestCore } from '../../../../support/core/testCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../../electron/core/kernel/systemClock';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { agentAccountSettings, answerMediaRequestsStatically, EventRecorder, MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';

let kamailio: RunningKamailio;
let core: Core;
let events: EventRecorder;
const agent: CallerContext = { role: 'agent', userId: 'local' };
/** The renderer's peer connections, played by static SDP sessions. */
let mediaKinds: string[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-core-'));
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
    softphone: createNodeSoftphonePorts({ dataDir, clock: systemClock, logger: silentLogger }),
  });
  events = new EventRecorder(core.eventHub);
  mediaKinds = answerMediaRequestsStatically(core, agent);
});
afterAll(async () => {
  await core?.close();
  await kamailio?.stop();
});

describe('softphone over the contract', () => {
  it('saves settings without ever returning the password, and registers', async () => {
    const saved = await core.dispatch(
      'saveSoftphoneSettings',
      agentAccountSettings(kamailio),
      agent,
    );
    expect(saved).toMatchObject({ ok: true, value: { passwordSet: true } });
    expect(JSON.stringify(saved)).not.toContain('agent-secret');
    const invalid = await core.dispatch('saveSoftphoneSettings', { serverUrl: 'http://x' }, agent);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const registered = events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered', 'registered');
    await core.dispatch('register', {}, agent);
    await registered;
    const state = await core.dispatch('getSoftphoneState', {}, agent);
    expect(state).toMatchObject({ ok: true, value: { registration: { kind: 'registered' }, calls: [] } });
  });

  it('answers and holds an inbound call with media negotiated by the renderer bridge', async () => {
    const caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain, sdpProfile: 'webrtc' });
    await caller.start();
    try {
      const call = await caller.call('1001');
      const ringing = await events.callEvent('ringing');
      const answered = await core.dispatch('answerCall', { callId: ringing.callId }, agent);
      expect(answered).toMatchObject({ ok: true, value: { phase: 'active' } });
      await call.established;
      const held = await core.dispatch('holdCall', { callId: ringing.callId }, agent);
      expect(held).toMatchObject({ ok: true, value: { phase: 'held' } });
      expect(call.media().remoteDirection).toBe('sendonly');
      // The answer was prepared while ringing (offer applied, answer created); Answer used it as is.
      expect(mediaKinds).toEqual(['prepareAnswer', 'createOffer', 'setRemote']);
      expect(await core.dispatch('resumeCall', { callId: 'unknown' }, agent)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      await core.dispatch('hangUp', { callId: ringing.callId }, agent);
      await call.terminated;
      await events.callEvent('ended', ringing.callId);
      expect(mediaKinds.at(-1)).toBe('close');
    } finally {
      await caller.stop();
    }
  });
});
