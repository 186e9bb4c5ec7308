// Shared bits of the softphone integration tests: a quiet logger, an event recorder, and the
// real softphone service over the real sip.js adapter, set up against a harness Kamailio.
import type { Logger } from '../../../electron/core/kernel/platformPorts';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallEvent, CallView, MediaRequest, SaveSoftphoneSettings } from '../../../shared/contract/softphone';
import type { EventName, EventPayloadOf } from '../../../shared/contract/api';
import { FileKeySecretStore } from '../../../electron/adapters/secrets/fileKeySecretStore';
import { SipJsPhone } from '../../../electron/adapters/sip/sipJsPhone';
import { StaticSdpMedia, StaticSdpSession } from '../../../electron/adapters/sip/staticSdpMedia';
import type { Core } from '../../../electron/core/createCore';
import type { CallerContext } from '../../../electron/core/kernel/caller';
import { EventHub } from '../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../electron/core/softphone';
import type { SettingsPort } from '../../../electron/core/kernel/platformPorts';
import { InMemoryCallLists } from '../../../electron/core/softphone/inMemoryCallLists';
import { SoftphoneService } from '../../../electron/core/softphone/softphoneService';
import { SoftphoneSettings } from '../../../electron/core/softphone/softphoneSettings';
import { systemClock } from '../../../electron/core/kernel/systemClock';
import type { RunningKamailio } from '../kamailio/kamailioHarness';


export const silentLogger: Logger = {
  info: () => undefined,
  warn: (message, details) => {
    if (process.env.DESKLINE_TEST_LOG) console.warn(message, details ?? '');
  },
  error: (message, details) => console.error(message, details ?? ''),
};

export class MemorySettings implements SettingsPort {
  readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }
}

type Recorded = { [E in EventName]: { event: E; payload: EventPayloadOf<E> } }[EventName];

/** Records every contract event and lets a test await the first one matching a predicate. */
export class EventRecorder {
  readonly all: Recorded[] = [];
  private waiters: { match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];

  constructor(hub: EventHub) {
    hub.subscribe((event, payload) => {
      const recorded = { event, payload } as Recorded;
      this.all.push(recorded);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(recorded)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(recorded);
        }
      }
    });
  }

  /** Resolves with the first event (already recorded or still to come) that matches. */
  waitFor(match: (r: Recorded) => boolean, label = 'event', timeoutMs = 10_000): Promise<Recorded> {
    const seen = this.all.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${label}; saw: ${this.summary()}`)), timeoutMs);
      this.waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  callEvent(type: CallEvent['type'], callId?: string): Promise<CallEvent> {
    return this.waitFor(
      (r) => r.event === 'onCallEvent' && r.payload.type === type && (!callId || r.payload.callId === callId),
      `call event ${type}`,
    ).then((r) => r.payload as CallEvent);
  }

  callEvents(callId: string): CallEvent[] {
    return this.all.flatMap((r) => (r.event === 'onCallEvent' && r.payload.callId === callId ? [r.payload] : []));
  }

  lastView(callId: string): CallView | undefined {
    return this.all
      .flatMap((r) => (r.event === 'onCallUpdated' && r.payload.callId === callId ? [r.payload] : []))
      .at(-1);
  }

  summary(): string {
    return this.all
      .map((r) => (r.event === 'onCallEvent' ? `${r.payload.type}` : r.event === 'onRegistrationChanged' ? `reg:${r.payload.kind}` : r.event))
      .join(', ');
  }
}

export interface TestSoftphone {
  service: SoftphoneService;
  events: EventRecorder;
  media: StaticSdpMedia;
  phone: SipJsPhone;
  settings: MemorySettings;
  dataDir: string;
  stop(): Promise<void>;
}

/** Phone settings of the harness agent 1001 (password 'agent-secret') on `kamailio`. */
export function agentAccountSettings(kamailio: RunningKamailio): SaveSoftphoneSettings {
  return {
    serverUrl: kamailio.url,
    sipUri: `sip:1001@${kamailio.domain}`,
    authUser: '1001',
    displayName: 'Agent',
    iceServers: [],
    declineCode: 603,
    dtmfMode: 'rfc4733',
    rejectCallWaiting: false,
    password: 'agent-secret',
  };
}

/** The real core service over the real sip.js adapter (static SDP media) against `kamailio`. */
export async function startTestSoftphone(
  kamailio: RunningKamailio,
  account: Partial<SaveSoftphoneSettings> & { user: string; password: string },
  options: { media?: StaticSdpMedia; logger?: Logger } = {},
): Promise<TestSoftphone> {
  const hub = new EventHub(eventViewFor(null));
  const events = new EventRecorder(hub);
  const media = options.media ?? new StaticSdpMedia();
  const logger = options.logger ?? silentLogger;
  const phone = new SipJsPhone({ media, clock: systemClock, logger, backoffInitialMs: 100, backoffMaxMs: 500 });
  const settingsPort = new MemorySettings();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-softphone-'));
  const settings = new SoftphoneSettings(settingsPort, new FileKeySecretStore(dataDir));
  const service = new SoftphoneService({
    clock: systemClock,
    sip: phone,
    settings,
    callLists: new InMemoryCallLists(),
    eventHub: hub,
    logger,
  });
  const { user, password, ...rest } = account;
  await service.saveSettings({
    serverUrl: kamailio.url,
    sipUri: `sip:${user}@${kamailio.domain}`,
    authUser: user,
    displayName: `Agent ${user}`,
    iceServers: [],
    declineCode: 603,
    dtmfMode: 'rfc4733',
    rejectCallWaiting: false,
    password,
    ...rest,
  });
  const registered = events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered', 'registered');
  await service.register();
  await registered;
  return { service, events, media, phone, settings: settingsPort, dataDir, stop: () => service.close() };
}

/**
 * Plays the renderer's side of the media bridge through the contract: every onMediaRequest is
 * answered by a static SDP session (Node has no WebRTC) via completeMediaRequest. Returns the
 * request kinds seen, in order.
 */
export function answerMediaRequestsStatically(core: Core, caller: CallerContext): string[] {
  const sessions = new Map<string, StaticSdpSession>();
  const kinds: string[] = [];
  core.eventHub.subscribe((event, payload) => {
    if (event !== 'onMediaRequest') return;
    const request = payload as MediaRequest;
    kinds.push(request.kind);
    void (async () => {
      let media = sessions.get(request.callId);
      if (!media) sessions.set(request.callId, (media = new StaticSdpSession(request.callId)));
      let sdp: string | undefined;
      if (request.kind === 'createOffer') sdp = await media.createOffer(request);
      else if (request.kind === 'createAnswer') sdp = await media.createAnswer(request);
      else if (request.kind === 'setRemote') await media.setRemote(request.sdp, request.type);
      else if (request.kind === 'prepareAnswer') {
        await media.setRemote(request.sdp, 'offer');
        sdp = await media.createAnswer({ hold: false });
      }
      const reply = await core.dispatch('completeMediaRequest', { requestId: request.requestId, ...(sdp ? { sdp } : {}) }, caller);
      if (!reply.ok) throw new Error(`completeMediaRequest refused: ${reply.error.message}`);
    })();
  });
  return kinds;
}
