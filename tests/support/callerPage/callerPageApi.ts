// Types of the API the caller page (callerPageMain.ts) puts on `window.caller`, so tests and
// benches can type their page.evaluate calls. Types only: nothing here runs in the browser.

/** sip.js SessionState values of the current call, or 'none' before any call (or after reset). */
export type CallerCallState = 'none' | 'Initial' | 'Establishing' | 'Established' | 'Terminating' | 'Terminated';

export interface CallerStartOptions {
  /** ws://127.0.0.1:<port> of the SIP server. */
  serverUrl: string;
  /** Our AOR, e.g. sip:2001@deskline.test */
  uri: string;
  authUser: string;
  password: string;
  displayName?: string;
}

/** Same shape as the contract's Stamp. `monotonic` is the page's performance.now(): its origin is the page's, not the workstation's. */
export interface CallerStamp {
  monotonic: number;
  wall: number;
}

export interface CallerTimings {
  inviteSentAt: CallerStamp | null;
  establishedAt: CallerStamp | null;
}

export interface CallerMediaStats {
  /** RTCPeerConnection.connectionState, null when the call has no peer connection (any more). */
  connectionState: string | null;
  /** Sum over audio inbound-rtp stats. */
  packetsReceived: number;
  /** Sum over audio outbound-rtp stats. */
  packetsSent: number;
}

export interface CallerPageApi {
  /** Connect and REGISTER; rejects with the reason when the server refuses or cannot be reached. */
  start(options: CallerStartOptions): Promise<void>;
  /** INVITE (audio only) to a sip: URI or a bare user of our domain; resolves once it is sent. */
  call(targetUri: string): Promise<void>;
  /** Accept the next incoming INVITE (already arrived or still to come) with audio. */
  answerNext(timeoutMs?: number): Promise<void>;
  state(): CallerCallState;
  /** Resolves when the current call is in `state`; rejects on timeout or when it ends first. */
  waitForState(state: CallerCallState, timeoutMs: number): Promise<void>;
  mediaStats(): Promise<CallerMediaStats>;
  /** BYE when established, CANCEL (or reject, if incoming) while establishing; resolves once Terminated. */
  hangUp(): Promise<void>;
  timings(): CallerTimings;
  /** Ends any live call and forgets it, its timings and queued incoming calls: ready for the next call. */
  reset(): Promise<void>;
  /** Unregister and disconnect. */
  stop(): Promise<void>;
}

/** The page's global, for casts inside page.evaluate (no `declare global`: that would add `caller` to every Window in the repo). */
export interface CallerPageWindow {
  caller: CallerPageApi;
}
