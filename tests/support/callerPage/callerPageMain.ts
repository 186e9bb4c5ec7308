// The caller page: a real browser SIP phone (sip.js + its default WebRTC handler) that e2e tests
// and benches drive through `window.caller` to call the workstation with real media.
// Bundled by serveCallerPage.ts (esbuild, iife); one call at a time, reusable through reset().
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, Web, type Session } from 'sip.js';
import type { CallerCallState, CallerPageApi, CallerPageWindow, CallerStamp, CallerStartOptions, CallerTimings } from './callerPageApi';

// Audio only: the workstation is a phone, and a fake camera would only add load to the bench.
const audioOnly: Web.SessionDescriptionHandlerOptions = { constraints: { audio: true, video: false } };

let ua: UserAgent | null = null;
let registerer: Registerer | null = null;
let session: Session | null = null;
let pendingIncoming: Invitation | null = null;
let incomingWaiter: ((invitation: Invitation) => void) | null = null;
let times: CallerTimings = { inviteSentAt: null, establishedAt: null };
/** Final response that refused our last INVITE, e.g. "404 Not Found", for clearer failures. */
let refusedWith: string | null = null;
const stateWaiters = new Set<() => void>();

// Remote audio really plays, so the media path is the one a person would hear.
const audio = document.querySelector('audio') ?? document.body.appendChild(document.createElement('audio'));
audio.autoplay = true;

const stamp = (): CallerStamp => ({ monotonic: performance.now(), wall: Date.now() });
const live = (s: Session | null): s is Session => s !== null && s.state !== SessionState.Terminated;
const currentState = (): CallerCallState => (session ? session.state : 'none');
const notify = () => [...stateWaiters].forEach((check) => check());
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function peerConnection(): RTCPeerConnection | undefined {
  const handler = session?.sessionDescriptionHandler;
  return handler instanceof Web.SessionDescriptionHandler ? handler.peerConnection : undefined;
}

function adopt(next: Session): void {
  session = next;
  next.stateChange.addListener((state) => {
    if (next !== session) return; // a call forgotten by reset()
    if (state === SessionState.Established) {
      times.establishedAt = stamp();
      const handler = next.sessionDescriptionHandler;
      if (handler instanceof Web.SessionDescriptionHandler) {
        audio.srcObject = handler.remoteMediaStream;
        // Autoplay may be refused without a user gesture; media stats still show the RTP flow.
        audio.play().catch((error: unknown) => console.warn(`caller page: remote audio not playing: ${message(error)}`));
      }
    }
    if (state === SessionState.Terminated) audio.srcObject = null;
    notify();
  });
  notify();
}

function onInvite(invitation: Invitation): void {
  // One call at a time: a second INVITE meets a busy phone.
  if (live(session) || (pendingIncoming && live(pendingIncoming))) {
    void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    return;
  }
  adopt(invitation);
  if (incomingWaiter) incomingWaiter(invitation);
  else pendingIncoming = invitation;
}

function withTimeout<T>(work: (resolve: (value: T) => void, reject: (error: Error) => void) => void, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`caller page: ${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    work(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

function waitForState(target: CallerCallState, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      stateWaiters.delete(check);
      settle();
    };
    const check = () => {
      const now = currentState();
      if (now === target) finish(resolve);
      else if (now === 'Terminated') {
        const why = refusedWith ? ` (INVITE refused: ${refusedWith})` : '';
        finish(() => reject(new Error(`caller page: call ended while waiting for ${target}${why}`)));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`caller page: no ${target} within ${timeoutMs} ms (state ${currentState()})`))), timeoutMs);
    stateWaiters.add(check);
    check();
  });
}

async function hangUp(): Promise<void> {
  const s = session;
  if (!live(s)) return;
  if (s.state === SessionState.Established) await s.bye();
  else if (s instanceof Inviter && s.state !== SessionState.Terminating) await s.cancel();
  else if (s instanceof Invitation && s.state !== SessionState.Terminating) await s.reject();
  await waitForState('Terminated', 10_000);
}

const api: CallerPageApi = {
  async start({ serverUrl, uri, authUser, password, displayName }: CallerStartOptions) {
    if (ua) throw new Error('caller page: already started');
    const aor = UserAgent.makeURI(uri);
    if (!aor) throw new Error(`caller page: invalid SIP URI ${uri}`);
    const agent = new UserAgent({
      uri: aor,
      displayName,
      authorizationUsername: authUser,
      authorizationPassword: password,
      transportOptions: { server: serverUrl, connectionTimeout: 5 },
      // No STUN: only loopback host candidates exist here, and sip.js's public default is unreachable.
      sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } },
      logBuiltinEnabled: true,
      logLevel: 'error',
      userAgentString: 'Deskline caller page',
      delegate: { onInvite },
    });
    try {
      await agent.start();
    } catch (error) {
      throw new Error(`caller page: cannot connect to ${serverUrl}: ${message(error)}`, { cause: error });
    }
    ua = agent;
    registerer = new Registerer(agent, { expires: 300 });
    const reg = registerer;
    await withTimeout<void>(
      (resolve, reject) => {
        reg
          .register({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (r) => reject(new Error(`caller page: REGISTER of ${authUser} refused: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
            },
          })
          .catch((error: unknown) => reject(new Error(`caller page: REGISTER of ${authUser} failed: ${message(error)}`)));
      },
      10_000,
      `REGISTER of ${authUser}`,
    );
  },

  async call(targetUri) {
    if (!ua) throw new Error('caller page: start() first');
    if (live(session)) throw new Error('caller page: a call is already in progress');
    const target = UserAgent.makeURI(targetUri.startsWith('sip:') ? targetUri : `sip:${targetUri}@${ua.configuration.uri.host}`);
    if (!target) throw new Error(`caller page: invalid target ${targetUri}`);
    times = { inviteSentAt: null, establishedAt: null };
    refusedWith = null;
    const inviter = new Inviter(ua, target, { sessionDescriptionHandlerOptions: audioOnly });
    adopt(inviter);
    // invite() resolves right after the INVITE is handed to the transport (media and ICE are ready by then).
    await inviter.invite({
      requestDelegate: { onReject: (r) => (refusedWith = `${r.message.statusCode} ${r.message.reasonPhrase}`) },
    });
    times.inviteSentAt = stamp();
  },

  async answerNext(timeoutMs = 15_000) {
    const queued = pendingIncoming;
    pendingIncoming = null;
    const invitation =
      queued ??
      (await withTimeout<Invitation>((resolve) => (incomingWaiter = resolve), timeoutMs, 'waiting for an incoming call').finally(
        () => (incomingWaiter = null),
      ));
    if (!live(invitation)) throw new Error('caller page: the incoming call ended before it was answered');
    times = { inviteSentAt: null, establishedAt: null };
    await invitation.accept({ sessionDescriptionHandlerOptions: audioOnly });
  },

  state: currentState,
  waitForState,

  async mediaStats() {
    const pc = peerConnection();
    if (!pc) return { connectionState: null, packetsReceived: 0, packetsSent: 0 };
    let packetsReceived = 0;
    let packetsSent = 0;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
      if (report.kind !== 'audio') return;
      if (report.type === 'inbound-rtp') packetsReceived += report.packetsReceived ?? 0;
      if (report.type === 'outbound-rtp') packetsSent += report.packetsSent ?? 0;
    });
    return { connectionState: pc.connectionState, packetsReceived, packetsSent };
  },

  hangUp,
  timings: () => ({ ...times }),

  async reset() {
    await hangUp();
    if (pendingIncoming && live(pendingIncoming)) await pendingIncoming.reject().catch(() => undefined);
    pendingIncoming = null;
    session = null;
    times = { inviteSentAt: null, establishedAt: null };
    refusedWith = null;
    audio.srcObject = null;
    notify();
  },

  async stop() {
    await api.reset().catch(() => undefined);
    const reg = registerer;
    if (reg && reg.state === RegistererState.Registered) {
      // Wait briefly for the un-REGISTER's answer so the registrar forgets us before we disconnect.
      const gone = new Promise<void>((resolve) => reg.stateChange.addListener((s) => s === RegistererState.Unregistered && resolve()));
      await reg.unregister().catch(() => undefined);
      await Promise.race([gone, new Promise((r) => setTimeout(r, 2_000))]);
    }
    await ua?.stop().catch(() => undefined);
    ua = null;
    registerer = null;
  },
};

(window as unknown as CallerPageWindow).caller = api;
