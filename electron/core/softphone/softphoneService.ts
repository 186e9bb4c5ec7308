// The softphone service: turns what the SIP port reports into call state machines and contract
// events, and carries out the agent's call commands (answer, hold, transfer, …) over the ports.
import { ContractError } from '../../../shared/contract/envelope';
import type {
  CallEvent,
  CallLists,
  CallView,
  RegistrationStatus,
  RemoteParty,
  SaveSoftphoneSettings,
  SoftphoneSettingsView,
  SoftphoneState,
} from '../../../shared/contract/softphone';
import {
  CallStateMachine,
  InvalidCallTransition,
  type CallParty,
  type EndReason,
} from '../../../shared/domain/callStateMachine';
import { cleanCallerName, cleanCallerNumber } from '../../../shared/domain/callerIdText';
import type { Clock } from '../../../shared/domain/clock';
import type { EventHub } from '../kernel/eventHub';
import type { Logger } from '../kernel/platformPorts';
import { MediaFailedError, type CallListRepository, type SipPort, type SipPortListener } from './ports';
import type { PersonalPhoneAccount, SoftphoneSettings } from './softphoneSettings';

export interface SoftphoneDeps {
  clock: Clock;
  sip: SipPort;
  settings: SoftphoneSettings;
  callLists: CallListRepository;
  eventHub: EventHub;
  logger: Logger;
}

interface CallEntry {
  machine: CallStateMachine;
  /** Set by us when the end is ours to attribute (e.g. the system rejecting a waiting call). */
  endOverride: { by: CallParty; reason?: EndReason } | null;
  /** Consult call of an attended transfer: the call being transferred. */
  consultFor: string | null;
  /** Consult call whose dialog a REFER with Replaces has handed over. */
  handedOver: boolean;
}

const listLimit = 200;

export class SoftphoneService {
  private registration: RegistrationStatus = { kind: 'unregistered' };
  /** The agent chose Unregister: saving settings must not quietly register again. */
  private stayUnregistered = false;
  private readonly closeListeners: Array<() => void> = [];
  private readonly calls = new Map<string, CallEntry>();
  private readonly callEventListeners = new Set<(event: CallEvent, view: CallView) => void>();

  constructor(private readonly deps: SoftphoneDeps) {
    deps.sip.setListener(this.sipListener());
  }

  /** Every call event, for in-process consumers (store, ring counter, call log). */
  onCallEvent(listener: (event: CallEvent, view: CallView) => void): () => void {
    this.callEventListeners.add(listener);
    return () => this.callEventListeners.delete(listener);
  }

  // ---------- settings and registration ----------

  settingsView(): Promise<SoftphoneSettingsView> {
    return this.deps.settings.view();
  }

  async saveSettings(request: SaveSoftphoneSettings): Promise<SoftphoneSettingsView> {
    const before = JSON.stringify(await this.deps.settings.account());
    const view = await this.deps.settings.save(request);
    // New credentials deserve a fresh attempt (this also clears an auth failure); a first setup
    // registers at once, as the agent expects from saving a phone account. Re-registering restarts
    // the SIP stack and so ends every call: a save that leaves the account as it was (the decline
    // code, keypad tones, devices and shortcuts are saved from the same dialog) must not do that.
    const accountChanged = JSON.stringify(await this.deps.settings.account()) !== before;
    const working = this.registration.kind === 'registered' || this.registration.kind === 'connecting';
    if (!this.stayUnregistered && view.configured && (accountChanged || !working)) await this.register();
    return view;
  }

  state(): SoftphoneState {
    return { registration: this.registration, calls: this.liveCalls().map((e) => e.machine.view()) };
  }

  /**
   * Hot-desking (issue 13): the agent signed in at this desk changed. With their phone account the
   * desk registers as them; with none (nobody signed in, or signed out) a desk that was registered
   * as a person unregisters, so nobody's phone rings at an empty desk.
   */
  async useDeskAccount(account: PersonalPhoneAccount | null): Promise<void> {
    const wasPersonal = this.deps.settings.usingPersonalAccount();
    this.deps.settings.usePersonalAccount(account);
    if (account) await this.register();
    else if (wasPersonal) await this.unregister();
  }

  async register(): Promise<RegistrationStatus> {
    this.stayUnregistered = false;
    const account = await this.deps.settings.account();
    if (!account) {
      this.setRegistration({
        kind: 'failed',
        reason: 'config',
        message: 'Enter the server and SIP URI in Settings first.',
        sipCode: null,
        retryInMs: null,
      });
      return this.registration;
    }
    await this.deps.sip.start(account);
    return this.registration;
  }

  async unregister(): Promise<RegistrationStatus> {
    this.stayUnregistered = true;
    await this.deps.sip.stop();
    this.setRegistration({ kind: 'unregistered' });
    return this.registration;
  }

  /** The network came back or the machine woke from sleep: reconnect now instead of on backoff. */
  networkChanged(): void {
    this.deps.sip.reconnectNow();
  }

  // ---------- call commands ----------

  async answerCall(callId: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('answer', ['ringing'], 'inbound'));
    // Call waiting: the call in progress goes on hold first (S-2 applies to it from here).
    for (const other of this.liveCalls()) {
      if (other !== entry && other.machine.current() === 'active') await this.holdCall(other.machine.callId);
    }
    await this.signal(() => this.deps.sip.answer(callId));
    return entry.machine.view();
  }

  /**
   * Ring-no-answer (S-1, decided by the ring counter): stop alerting a call nobody answered. It is
   * refused with 480 Temporarily Unavailable and ends as 'unanswered', by the system.
   */
  async giveUpRinging(callId: string): Promise<void> {
    const entry = this.calls.get(callId);
    if (entry?.machine.current() !== 'ringing') return;
    entry.endOverride = { by: 'system' };
    await this.signal(() => this.deps.sip.reject(callId, 480));
  }

  hasLiveCalls(): boolean {
    return this.liveCalls().length > 0;
  }

  isLive(callId: string): boolean {
    return this.calls.get(callId)?.machine.isLive() ?? false;
  }

  remoteNumberOf(callId: string): string | null {
    return this.calls.get(callId)?.machine.view().remote.number ?? null;
  }

  async declineCall(callId: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('decline', ['ringing'], 'inbound'));
    await this.signal(() => this.deps.sip.reject(callId, this.deps.settings.stored().declineCode));
    return entry.machine.view();
  }

  async hangUp(callId: string): Promise<CallView> {
    const entry = this.require(callId);
    if (entry.machine.current() === 'ringing') return this.declineCall(callId);
    this.guard(() => entry.machine.expect('hang up', ['dialing', 'active', 'held']));
    await this.signal(() => this.deps.sip.hangUp(callId));
    return entry.machine.view();
  }

  async holdCall(callId: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('hold', ['active']));
    await this.signal(() => this.deps.sip.setHold(callId, true));
    if (entry.machine.current() === 'active') entry.machine.held();
    return entry.machine.view();
  }

  async resumeCall(callId: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('resume', ['held']));
    await this.signal(() => this.deps.sip.setHold(callId, false));
    if (entry.machine.current() === 'held') entry.machine.resumed();
    return entry.machine.view();
  }

  async setMuted(callId: string, muted: boolean): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect(muted ? 'mute' : 'unmute', ['active', 'held']));
    await this.signal(() => this.deps.sip.setMuted(callId, muted));
    if (entry.machine.isLive()) entry.machine.setMuted(muted);
    return entry.machine.view();
  }

  async sendDtmf(callId: string, tones: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('send tones on', ['active']));
    await this.signal(() => this.deps.sip.sendDtmf(callId, tones.toUpperCase(), this.deps.settings.stored().dtmfMode));
    return entry.machine.view();
  }

  async blindTransfer(callId: string, target: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.transferStarted('blind', target));
    try {
      await this.deps.sip.blindTransfer(callId, target);
    } catch (error) {
      if (entry.machine.isLive()) entry.machine.transferFailed(messageOf(error));
      throw new ContractError('UNAVAILABLE', `Transfer failed: ${messageOf(error)}`);
    }
    return entry.machine.view();
  }

  async startConsultCall(callId: string, target: string): Promise<CallView> {
    const entry = this.require(callId);
    this.guard(() => entry.machine.expect('consult about', ['active', 'held']));
    if (entry.machine.current() === 'active') await this.holdCall(callId);
    return this.placeCall(target, callId);
  }

  async completeAttendedTransfer(callId: string, consultCallId: string): Promise<CallView> {
    const entry = this.require(callId);
    const consult = this.require(consultCallId);
    this.guard(() => consult.machine.expect('transfer to', ['active', 'held']));
    this.guard(() => entry.machine.transferStarted('attended', consult.machine.view().remote.number));
    consult.handedOver = true;
    try {
      await this.deps.sip.attendedTransfer(callId, consultCallId);
    } catch (error) {
      consult.handedOver = false;
      if (entry.machine.isLive()) entry.machine.transferFailed(messageOf(error));
      throw new ContractError('UNAVAILABLE', `Transfer failed: ${messageOf(error)}`);
    }
    return entry.machine.view();
  }

  async dial(target: string): Promise<CallView> {
    if (this.registration.kind !== 'registered') {
      throw new ContractError('UNAVAILABLE', 'The phone is not registered.');
    }
    for (const other of this.liveCalls()) {
      if (other.machine.current() === 'active') await this.holdCall(other.machine.callId);
    }
    return this.placeCall(target, null);
  }

  /** Renegotiate audio of every answered call (renderer reloaded): re-INVITE with ICE restart. */
  async reattachMedia(): Promise<number> {
    let count = 0;
    for (const entry of this.liveCalls()) {
      const phase = entry.machine.current();
      if (phase !== 'active' && phase !== 'held') continue;
      try {
        await this.deps.sip.renegotiateMedia(entry.machine.callId);
        count++;
      } catch (error) {
        this.deps.logger.warn('Media renegotiation failed', { callId: entry.machine.callId, error: messageOf(error) });
      }
    }
    return count;
  }

  // ---------- lists ----------

  async callLists(): Promise<CallLists> {
    const [missed, declined, unseenMissed] = await Promise.all([
      this.deps.callLists.list('missed', listLimit),
      this.deps.callLists.list('declined', listLimit),
      this.deps.callLists.unseenMissedCount(),
    ]);
    return { missed, declined, unseenMissed };
  }

  async markMissedCallsSeen(): Promise<CallLists> {
    await this.deps.callLists.markMissedSeen();
    const lists = await this.callLists();
    this.deps.eventHub.emit('onCallListsChanged', lists);
    return lists;
  }

  /** Runs once when the softphone closes (timers that belong to it stop with it). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  async close(): Promise<void> {
    for (const listener of this.closeListeners.splice(0)) listener();
    await this.deps.sip.stop();
  }

  // ---------- internals ----------

  private async placeCall(target: string, consultFor: string | null): Promise<CallView> {
    let created: CallEntry | null = null;
    await this.signal(() =>
      this.deps.sip.dial(target, (callId) => {
        created = this.track(callId, 'outbound', remoteOfTarget(target), false, consultFor);
        created.machine.dial();
      }),
    );
    if (!created) throw new ContractError('INTERNAL', 'The call was not created.');
    return (created as CallEntry).machine.view();
  }

  private track(
    callId: string,
    direction: 'inbound' | 'outbound',
    remote: RemoteParty,
    waiting: boolean,
    consultFor: string | null,
  ): CallEntry {
    const machine = new CallStateMachine(
      this.deps.clock,
      { callId, direction, remote, waiting, consultFor },
      (event, view) => this.publish(event, view),
    );
    const entry: CallEntry = { machine, endOverride: null, consultFor, handedOver: false };
    this.calls.set(callId, entry);
    return entry;
  }

  private publish(event: CallEvent, view: CallView): void {
    this.deps.eventHub.emit('onCallEvent', event);
    this.deps.eventHub.emit('onCallUpdated', view);
    for (const listener of this.callEventListeners) {
      try {
        listener(event, view);
      } catch (error) {
        this.deps.logger.error('Call event listener failed', { error: messageOf(error) });
      }
    }
  }

  private sipListener(): SipPortListener {
    return {
      onRegistration: (status) => this.setRegistration(status),
      onIncomingCall: ({ callId, remote, replacesCallId }) => {
        const busy = this.liveCalls().length > 0;
        // Whatever SIP adapter reported it, the caller's text is cleaned before the UI and store see it.
        const cleaned = { ...remote, number: cleanCallerNumber(remote.number) || 'unknown', name: cleanCallerName(remote.name) };
        const entry = this.track(callId, 'inbound', cleaned, busy, null);
        entry.machine.offer();
        if (replacesCallId && this.calls.get(replacesCallId)?.machine.isLive()) {
          // RFC 3891: a dialog we already have is being replaced (attended transfer to us): take it.
          void this.deps.sip.answer(callId).catch((error: unknown) => this.logFailure('answer a replacing call', callId, error));
        } else if (busy && this.deps.settings.stored().rejectCallWaiting) {
          entry.endOverride = { by: 'system' };
          void this.deps.sip.reject(callId, 486).catch((error: unknown) => this.logFailure('reject a waiting call', callId, error));
        }
      },
      onCallRefused: ({ remote, reason }) => {
        // Refused with 488 before it rang: no ring, no missed call, but the agent is told why.
        this.deps.eventHub.emit('onCallRefused', { remote, reason, atWall: this.deps.clock.wallNow() });
      },
      onCallAlerting: (callId) => {
        const entry = this.calls.get(callId);
        if (entry?.machine.current() === 'dialing') entry.machine.alerting();
      },
      onCallEstablished: (callId) => {
        const entry = this.calls.get(callId);
        const phase = entry?.machine.current();
        if (phase === 'ringing' || phase === 'dialing') entry!.machine.answered();
      },
      onCallEnded: (callId, by, reason, sipCode) => {
        const entry = this.calls.get(callId);
        if (!entry) return;
        this.calls.delete(callId);
        const endBy = entry.endOverride?.by ?? by;
        // A consult call handed over by REFER with Replaces ends as transferred, whoever sent BYE.
        const endReason = entry.handedOver && reason === 'bye' ? 'transferred' : (entry.endOverride?.reason ?? reason);
        entry.machine.ended(endBy, endReason, sipCode);
        void this.recordInLists(entry).catch((error: unknown) => this.logFailure('record a missed call', callId, error));
      },
      onTransferProgress: (callId, progress) => {
        const entry = this.calls.get(callId);
        if (!entry?.machine.isLive()) return;
        if (progress.status === 'failed') {
          entry.machine.transferFailed(progress.detail);
          for (const other of this.calls.values()) if (other.consultFor === callId) other.handedOver = false;
          return;
        }
        entry.machine.transferCompleted();
        // Our leg is no longer needed once the transferee reached the target.
        void this.deps.sip.hangUp(callId).catch((error: unknown) => this.logFailure('release a transferred call', callId, error));
      },
    };
  }

  private async recordInLists(entry: CallEntry): Promise<void> {
    const view = entry.machine.view();
    if (view.direction !== 'inbound' || !view.end || !view.endedAt) return;
    const list =
      view.end.cause === 'declined'
        ? 'declined'
        : ['abandoned', 'busy', 'unanswered'].includes(view.end.cause)
          ? 'missed'
          : null;
    if (!list) return;
    await this.deps.callLists.add(list, {
      callId: view.callId,
      remote: view.remote,
      offeredAtWall: view.offeredAt.wall,
      endedAtWall: view.endedAt.wall,
      cause: view.end.cause,
      seen: false,
    });
    this.deps.eventHub.emit('onCallListsChanged', await this.callLists());
  }

  private setRegistration(status: RegistrationStatus): void {
    this.registration = status;
    this.deps.eventHub.emit('onRegistrationChanged', status);
  }

  private liveCalls(): CallEntry[] {
    return [...this.calls.values()].filter((e) => e.machine.isLive());
  }

  private require(callId: string): CallEntry {
    const entry = this.calls.get(callId);
    if (!entry) throw new ContractError('NOT_FOUND', `No call ${callId} in progress.`);
    return entry;
  }

  private guard(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (error instanceof InvalidCallTransition) throw new ContractError('CONFLICT', error.message);
      throw error;
    }
  }

  /** Runs a signalling step; its failure is reported as UNAVAILABLE with the SIP layer's reason. */
  private async signal<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ContractError) throw error;
      // The browser's own words go to the log (where the adapter put them), not to the agent.
      if (error instanceof MediaFailedError) throw new ContractError('MEDIA', error.message);
      throw new ContractError('UNAVAILABLE', messageOf(error));
    }
  }

  private logFailure(what: string, callId: string, error: unknown): void {
    this.deps.logger.warn(`Could not ${what}`, { callId, error: messageOf(error) });
  }
}

/** What the UI shows for a call we place: the number (user part) of what was dialled. */
function remoteOfTarget(target: string): RemoteParty {
  const match = /^sips?:([^@]+)@/.exec(target.trim());
  // Verified: we chose the number ourselves.
  return { number: match?.[1] ?? target.trim(), name: null, verified: true };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
