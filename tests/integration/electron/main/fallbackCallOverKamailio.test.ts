// Issue 21 through a real Kamailio and the real core: the fallback call window (crash loop)
// answers a ringing call only once the reloaded page asks for its media, and its Decline ends the
// call at the caller; the restart notice says whether a call is still up. The page's WebRTC is
// played by static SDP sessions over the contract (Node has no WebRTC).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSoftphonePorts } from '../../../../electron/adapters/sip/nodeSoftphonePorts';
import type { Core } from '../../../../electron/core/createCore';
import { createTestCore } from '../../../support/core/testCore';
import type { CallerContext } from '../../../../electron/core/kernel/caller';
import { systemClock } from '../../../../electron/core/kernel/systemClock';
import { createFallbackCallController } from '../../../../electron/main/fallbackCallController';
import type { CallView } from '../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../support/sipUa/scriptedUa';
import { agentAccountSettings, answerMediaRequestsStatically, EventRecorder, MemorySettings, silentLogger } from '../../../support/softphone/softphoneFixtures';

let kamailio: RunningKamailio;
let core: Core;
let events: EventRecorder;
const agent: CallerContext = { role: 'agent', userId: 'local' };

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-fallback-'));
  core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'electron', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
    softphone: createNodeSoftphonePorts({ dataDir, clock: systemClock, logger: silentLogger }),
  });
  events = new EventRecorder(core.eventHub);
  answerMediaRequestsStatically(core, agent);
  await core.dispatch(
    'saveSoftphoneSettings',
    agentAccountSettings(kamailio),
    agent,
  );
  const registered = events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered', 'registered');
  await core.dispatch('register', {}, agent);
  await registered;
});
afterAll(async () => {
  await core?.close();
  await kamailio?.stop();
});

function fallbackOver(core: Core) {
  const pages: string[] = [];
  const reloads: number[] = [];
  const controller = createFallbackCallController({
    phone: {
      calls: () => core.softphone!.service.state().calls,
      answerCall: (callId) => core.softphone!.service.answerCall(callId),
      declineCall: (callId) => core.softphone!.service.declineCall(callId),
    },
    lang: 'en',
    logger: silentLogger,
    openWindow: () => ({ show: (html) => pages.push(html), close: () => undefined }),
    reloadMainWindow: () => reloads.push(1),
    onCallUpdated: (listener) =>
      core.eventHub.subscribe((event, payload) => {
        if (event === 'onCallUpdated') listener(payload as CallView);
      }),
    onRendererStarted: (listener) => core.shellNotices.onRendererStarted(listener),
  });
  return { controller, pages, reloads };
}

const callerUa = () => new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain, sdpProfile: 'webrtc' });

describe('fallback call window over Kamailio', () => {
  it('Answer waits for the reloaded page, then the call is up; the restart notice says so', async () => {
    const { controller, pages, reloads } = fallbackOver(core);
    const caller = callerUa();
    await caller.start();
    try {
      const call = await caller.call('1001');
      const ringing = await events.callEvent('ringing');
      controller.show();
      expect(pages.at(-1)).toContain(`fallback/answer?call=${encodeURIComponent(ringing.callId)}`);
      controller.navigate(`app://deskline/fallback/answer?call=${encodeURIComponent(ringing.callId)}`);
      expect(reloads).toHaveLength(1);
      // The page has not started yet: nothing answered.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(core.softphone!.service.state().calls.find((c) => c.callId === ringing.callId)?.phase).toBe('ringing');

      // The reloaded page asks for its media: now the call is answered.
      core.shellNotices.windowRestarted('crashed');
      await core.dispatch('reattachMedia', {}, agent);
      await events.callEvent('answered', ringing.callId);
      await call.established;
      expect(await core.dispatch('getShellNotices', {}, agent)).toMatchObject({ ok: true, value: { windowRestarted: { reason: 'crashed', callsUp: true } } });

      await core.dispatch('hangUp', { callId: ringing.callId }, agent);
      await call.terminated;
      await events.callEvent('ended', ringing.callId);
      expect(await core.dispatch('getShellNotices', {}, agent)).toMatchObject({ ok: true, value: { windowRestarted: { callsUp: false } } });
    } finally {
      controller.close();
      await caller.stop();
    }
  });

  it('Decline refuses the call at the caller', async () => {
    const { controller } = fallbackOver(core);
    const caller = callerUa();
    await caller.start();
    try {
      // The first test's call also rang: wait for this call's own event.
      const before = new Set(events.all.flatMap((r) => (r.event === 'onCallEvent' ? [r.payload.callId] : [])));
      const call = await caller.call('1001');
      const ringing = await events.waitFor((r) => r.event === 'onCallEvent' && r.payload.type === 'ringing' && !before.has(r.payload.callId), 'ringing');
      const mine = (ringing.payload as { callId: string }).callId;
      controller.show();
      controller.navigate(`app://deskline/fallback/decline?call=${encodeURIComponent(mine)}`);
      await events.waitFor((r) => r.event === 'onCallUpdated' && r.payload.callId === mine && r.payload.phase === 'ended', 'declined');
      await call.terminated;
    } finally {
      controller.close();
      await caller.stop();
    }
  });
});
