// The sip.js phone's registration: connect and REGISTER, refresh, retry with backoff, reconnect after
// a drop, probe a server that is down, and the status the core sees. The UserAgent belongs to SipJsPhone.
import { Registerer, RegistererState, RequestPendingError, type Core, type UserAgent } from 'sip.js';
import type { RegistrationStatus } from '../../../shared/contract/softphone';
import { cleanSipText } from '../../../shared/domain/callerIdText';
import type { TimerHandle } from '../../../shared/domain/clock';
import type { SipAccount, SipPortListener } from '../../core/softphone/ports';
import { errorMessage } from './errorMessage';
import { probeServer } from './serverReachability';
import type { SipJsPhoneOptions } from './sipJsPhoneOptions';

/** What the registration reads from the phone that owns the UserAgent and the account. */
export interface RegistrationHost {
  userAgent(): UserAgent | null;
  account(): SipAccount | null;
  listener(): SipPortListener;
}

export class SipRegistration {
  private registerer: Registerer | null = null;
  /** Bumped by start/stop so callbacks of an older UserAgent are ignored. */
  private generation = 0;
  private running = false;
  private authFailed = false;
  private attempt = 0;
  private retryTimer: TimerHandle | null = null;
  /** Reachability probing while the server is down: see startProbing. */
  private probeTimer: TimerHandle | null = null;
  private lastReachable: boolean | null = null;
  private probeAfterDrop = false;
  private status: RegistrationStatus = { kind: 'unregistered' };
  private readonly expiresSec: number;
  private readonly refreshPercent: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly random: () => number;

  constructor(
    private readonly options: SipJsPhoneOptions,
    private readonly host: RegistrationHost,
  ) {
    this.expiresSec = options.registerExpiresSec ?? 300;
    this.refreshPercent = options.refreshPercent ?? 90;
    this.backoffInitialMs = options.backoffInitialMs ?? 1000;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  current(): RegistrationStatus {
    return this.status;
  }

  /** Started and not stopped since: the phone may send requests. */
  isRunning(): boolean {
    return this.running;
  }

  /** A new UserAgent is being set up: callbacks of older ones are ignored from now on. */
  nextGeneration(): number {
    return ++this.generation;
  }

  /** The account is valid and its UserAgent is about to be built: registering from a clean slate. */
  begin(): void {
    this.running = true;
    this.authFailed = false;
    this.attempt = 0;
  }

  /** The account cannot be used as configured: report it and do not retry. */
  failConfig(message: string): void {
    this.running = false;
    this.setStatus({ kind: 'failed', reason: 'config', message, sipCode: null, retryInMs: null });
  }

  /** Register through the new UserAgent and keep it registered. */
  async attach(ua: UserAgent, generation: number): Promise<void> {
    this.registerer = new Registerer(ua, { expires: this.expiresSec, refreshFrequency: this.refreshPercent });
    this.registerer.stateChange.addListener((state) => {
      if (generation !== this.generation || !this.running) return;
      // A refresh sip.js sent on its own that failed leaves us unregistered: try again later.
      if (state === RegistererState.Unregistered && this.status.kind === 'registered') {
        this.scheduleRetry('rejected', 'Registration refresh failed', null);
      }
    });
    await this.connectAndRegister(generation);
  }

  /** The UserAgent of `generation` lost its connection. */
  connectionLost(generation: number, error?: Error): void {
    if (generation !== this.generation || !this.running) return;
    this.options.logger.warn('SIP connection lost', { error: error?.message ?? null });
    this.scheduleReconnect();
  }

  /**
   * Stop retrying and probing, and ignore the current UserAgent's callbacks from now on. Returns
   * its Registerer, so the phone can unregister before it stops the UserAgent.
   */
  halt(): Registerer | null {
    this.generation++;
    this.running = false;
    this.clearRetry();
    this.stopProbing();
    const registerer = this.registerer;
    this.registerer = null;
    return registerer;
  }

  /** The phone has stopped: say so, unless the status already does. */
  settleStopped(): void {
    if (this.status.kind !== 'unregistered') this.setStatus({ kind: 'unregistered' });
  }

  reconnectNow(): void {
    if (!this.running || this.authFailed || !this.host.userAgent()) return;
    this.clearRetry();
    this.attempt = 0;
    void this.connectAndRegister(this.generation);
  }

  private async connectAndRegister(generation: number): Promise<void> {
    const ua = this.host.userAgent();
    if (!ua || generation !== this.generation) return;
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    try {
      if (!ua.isConnected()) await (ua.state === 'Started' ? ua.reconnect() : ua.start());
    } catch (error) {
      if (generation !== this.generation) return;
      this.scheduleRetry('unreachable', `Cannot reach ${this.host.account()?.serverUrl}: ${errorMessage(error)}`, null);
      return;
    }
    if (generation !== this.generation) return;
    await this.sendRegister(generation);
  }

  private async sendRegister(generation: number): Promise<void> {
    const registerer = this.registerer;
    if (!registerer) return;
    const outcome = await new Promise<{ ok: true; expires: number } | { ok: false; code: number; reason: string }>((resolve) => {
      registerer
        .register({
          requestDelegate: {
            onAccept: (response) => resolve({ ok: true, expires: this.grantedExpires(response) }),
            onReject: (response) =>
              resolve({ ok: false, code: response.message.statusCode ?? 0, reason: cleanSipText(response.message.reasonPhrase) }),
          },
        })
        .catch((error: unknown) => {
          if (error instanceof RequestPendingError) {
            // A REGISTER from before a drop is still pending: try again shortly.
            resolve({ ok: false, code: -1, reason: 'A REGISTER is still pending' });
            return;
          }
          resolve({ ok: false, code: 0, reason: errorMessage(error) });
        });
    });
    if (generation !== this.generation) return;
    if (outcome.ok) {
      this.attempt = 0;
      this.stopProbing();
      this.setStatus({ kind: 'registered', sinceWall: this.options.clock.wallNow(), expiresSec: outcome.expires });
      return;
    }
    if (outcome.code === 401 || outcome.code === 403 || outcome.code === 407) {
      // Wrong credentials: report once and stop; retrying would only lock the account.
      this.authFailed = true;
      this.clearRetry();
      this.setStatus({
        kind: 'failed',
        reason: 'auth',
        message: `Registration refused: ${outcome.code} ${outcome.reason}`.trim(),
        sipCode: outcome.code,
        retryInMs: null,
      });
      return;
    }
    if (outcome.code === -1) {
      this.armRetry(this.backoffInitialMs);
      return;
    }
    if (outcome.code === 0 && !this.host.userAgent()?.isConnected()) {
      this.scheduleRetry('unreachable', outcome.reason, null);
      return;
    }
    this.scheduleRetry('rejected', `Registration failed: ${outcome.code} ${outcome.reason}`.trim(), outcome.code || null);
  }

  private grantedExpires(response: Core.IncomingResponse): number {
    // Kamailio lists every binding of the AOR; ours is the one with our contact's user part.
    const ownUser = this.host.userAgent()?.contact.uri.user ?? '';
    for (const contact of response.message.getHeaders('contact')) {
      if (ownUser && !contact.includes(ownUser)) continue;
      const match = /;\s*expires=(\d+)/i.exec(contact);
      if (match) return Math.max(1, Number(match[1]));
    }
    const header = Number(response.message.getHeader('expires'));
    return Number.isFinite(header) && header > 0 ? header : this.expiresSec;
  }

  private scheduleRetry(reason: 'unreachable' | 'rejected', message: string, sipCode: number | null): void {
    if (!this.running || this.authFailed) return;
    const delay = this.nextDelay();
    this.setStatus({ kind: 'failed', reason, message, sipCode, retryInMs: delay });
    this.armRetry(delay);
    // A server that answered with an error is up: only the backoff applies. One we could not
    // reach is watched, so the REGISTER goes out as soon as it is back.
    if (reason === 'unreachable') this.startProbing(false);
  }

  private scheduleReconnect(): void {
    const delay = this.nextDelay();
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    this.armRetry(delay);
    this.startProbing(true);
  }

  /**
   * Issue 21: the backoff grows to 30 s, so a desk could stay unregistered that long after a PBX
   * restart and miss the calls offered meanwhile. While the server is unreachable, a cheap probe
   * (a TCP connect) runs every second; the full connect + REGISTER goes out once the server
   * answers again: after it was seen down, or at the first probe after the connection dropped.
   * A server that accepts TCP but keeps failing the WebSocket or REGISTER is left to the backoff.
   */
  private startProbing(afterDrop: boolean): void {
    this.probeAfterDrop ||= afterDrop;
    if (this.probeTimer || !this.running || this.authFailed) return;
    this.lastReachable = null;
    this.armProbe();
  }

  private armProbe(): void {
    const generation = this.generation;
    const delay = Math.round((this.options.probeIntervalMs ?? 1000) * (1 + 0.2 * this.random()));
    this.probeTimer = this.options.clock.setTimer(() => {
      this.probeTimer = null;
      void this.runProbe(generation);
    }, delay);
  }

  private async runProbe(generation: number): Promise<void> {
    const serverUrl = this.host.account()?.serverUrl;
    const stillNeeded = () => generation === this.generation && this.running && !this.authFailed && this.status.kind !== 'registered';
    if (!serverUrl || !stillNeeded()) return;
    const reachable = await (this.options.probe ?? probeServer)(serverUrl).catch(() => false);
    if (!stillNeeded()) return;
    const cameBack = reachable && (this.lastReachable === false || (this.lastReachable === null && this.probeAfterDrop));
    this.lastReachable = reachable;
    if (cameBack) {
      this.probeAfterDrop = false;
      this.attempt = 0;
      this.options.logger.info('SIP server reachable again: registering now', { serverUrl });
      this.armRetry(Math.round((this.options.probeSpreadMs ?? 500) * this.random()));
    }
    this.armProbe();
  }

  private stopProbing(): void {
    if (this.probeTimer) this.options.clock.clearTimer(this.probeTimer);
    this.probeTimer = null;
    this.probeAfterDrop = false;
  }

  private nextDelay(): number {
    const base = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** Math.min(this.attempt, 16));
    this.attempt++;
    return Math.round(base * (1 + 0.2 * this.random()));
  }

  private armRetry(delay: number): void {
    this.clearRetry();
    const generation = this.generation;
    this.retryTimer = this.options.clock.setTimer(() => {
      this.retryTimer = null;
      void this.connectAndRegister(generation);
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) this.options.clock.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: RegistrationStatus): void {
    this.status = status;
    this.host.listener().onRegistration(status);
  }
}
