// Runs the service-standard clocks for every call, in the main process on the injected clock:
// the ring counter from 'ringing' (S-1), guided hold (S-2) and wrap-up after the last call ends.
// It pushes their state to the UI and reports what happened (ClockRecord) for the call log.
import type { SelectableAgentState } from '../../../shared/contract/agentState';
import type { CallClocksState, HoldGuideView, RingCount, RingStanding, WrapUpView } from '../../../shared/contract/callClocks';
import { ContractError } from '../../../shared/contract/envelope';
import type { CallEvent } from '../../../shared/contract/softphone';
import type { Clock } from '../../../shared/domain/clock';
import { HoldGuide, HoldGuideRefused, type HoldCheckIn, type HoldSegment } from '../../../shared/domain/holdGuide';
import { Listeners } from '../../../shared/domain/listeners';
import { ringBoundaryMs, ringCycleMs } from '../../../shared/domain/ringCadence';
import { RingCounter, standardRings, type RingOutcome } from '../../../shared/domain/ringCounter';
import { WrapUpRefused, WrapUpTimer, type WrapUpResult } from '../../../shared/domain/wrapUpTimer';
import type { AgentStateService } from '../agentState';
import type { CallClocksSettingsStore } from './callClocksSettings';
import type { EventHub } from '../kernel/eventHub';
import type { Logger } from '../kernel/platformPorts';

/** What the clocks decided about a call, for the call log and the QA timeline. */
export type ClockRecord =
  | { kind: 'ringOutcome'; callId: string; outcome: RingOutcome; atWall: number }
  | { kind: 'holdCheckIn'; callId: string; checkIn: HoldCheckIn; atWall: number; atMonotonic: number }
  | { kind: 'holdSegment'; callId: string; segment: HoldSegment }
  | { kind: 'wrapUp'; callId: string; result: WrapUpResult; atWall: number };

/** The softphone operations the clocks need (SoftphoneService provides them). */
export interface ClockPhone {
  onCallEvent(listener: (event: CallEvent) => void): () => void;
  holdCall(callId: string): Promise<unknown>;
  giveUpRinging(callId: string): Promise<void>;
  hasLiveCalls(): boolean;
  remoteNumberOf(callId: string): string | null;
}

interface CallClocks {
  ring: RingCounter | null;
  ringStartedWall: number;
  lastRing: RingCount | null;
  hold: HoldGuide;
  thankCaller: boolean;
  answered: boolean;
}

interface RunningWrapUp {
  callId: string;
  timer: WrapUpTimer;
  after: SelectableAgentState;
}

export interface CallClocksDeps {
  clock: Clock;
  phone: ClockPhone;
  agentState: Pick<AgentStateService, 'set'>;
  settings: CallClocksSettingsStore;
  eventHub: EventHub;
  logger: Logger;
}

export class CallClocksService {
  private readonly calls = new Map<string, CallClocks>();
  private wrapUp: RunningWrapUp | null = null;
  /** An answered call that ended while another call was still live: its wrap-up starts when the last one ends. */
  private wrapUpOwed: string | null = null;
  private readonly records = new Listeners<[record: ClockRecord]>();
  private readonly stopListening: () => void;

  constructor(private readonly deps: CallClocksDeps) {
    this.stopListening = deps.phone.onCallEvent((event) => this.onCallEvent(event));
  }

  onRecord(listener: (record: ClockRecord) => void): () => void {
    return this.records.add(listener);
  }

  /** The call's wrap-up is running (its record is still open for the agent's notes). */
  isWrappingUp(callId: string): boolean {
    return this.wrapUpCallId() === callId;
  }

  /** The call whose wrap-up is running, if any. */
  wrapUpCallId(): string | null {
    return this.wrapUp && this.wrapUp.timer.status() !== null ? this.wrapUp.callId : null;
  }

  state(): CallClocksState {
    return {
      rings: [...this.calls.values()].flatMap((c) => (c.lastRing && !c.ring?.outcome() ? [c.lastRing] : [])),
      holds: [...this.calls.entries()].map(([callId, c]) => this.holdView(callId, c)),
      wrapUp: this.wrapUp ? this.wrapUpView(this.wrapUp) : null,
    };
  }

  // ---------- guided hold (S-2) ----------

  startHoldSteps(callId: string): HoldGuideView {
    return this.withHold(callId, (c) => {
      c.thankCaller = false;
      c.hold.begin();
    });
  }

  nextHoldStep(callId: string): HoldGuideView {
    return this.withHold(callId, (c) => void c.hold.nextStep());
  }

  cancelHoldSteps(callId: string): HoldGuideView {
    return this.withHold(callId, (c) => c.hold.cancel());
  }

  async holdWithPromise(callId: string, promisedMs: number): Promise<HoldGuideView> {
    const c = this.require(callId);
    const phase = c.hold.phase();
    if (phase.kind !== 'guiding') throw new ContractError('CONFLICT', 'Open the hold steps first (press Hold).');
    // S-2: the caller hears the expected time before being held; check before the SIP hold goes out.
    if (phase.step !== 'giveExpectedTime') throw new ContractError('CONFLICT', 'Go through the hold steps up to the expected time first.');
    // The SIP hold first: if the re-INVITE fails, the caller is not on hold and no timer runs.
    await this.deps.phone.holdCall(callId);
    return this.withHold(callId, (calls) => calls.hold.startHold(promisedMs));
  }

  callerUpdatedOnHold(callId: string): HoldGuideView {
    return this.withHold(callId, (c) => void c.hold.callerUpdated());
  }

  // ---------- wrap-up ----------

  chooseAfterWrapUp(after: SelectableAgentState): WrapUpView {
    const running = this.requireWrapUp();
    this.guard(() => running.timer.chooseNextState(after.kind === 'ready' ? 'ready' : 'notReady'));
    running.after = after;
    return this.publishWrapUp(running);
  }

  extendWrapUp(extraSec: number): WrapUpView {
    const running = this.requireWrapUp();
    this.guard(() => running.timer.extendOnce(extraSec * 1000));
    return this.publishWrapUp(running);
  }

  async endWrapUp(): Promise<WrapUpView> {
    const running = this.requireWrapUp();
    const result = this.guard(() => running.timer.endEarly());
    await this.finishWrapUp(running, result);
    return this.wrapUpView(running);
  }

  close(): void {
    this.stopListening();
    for (const c of this.calls.values()) {
      c.ring?.stop();
      c.hold.callEnded();
    }
    this.calls.clear();
    this.wrapUpOwed = null;
    this.wrapUp?.timer.endEarly();
    this.wrapUp = null;
  }

  // ---------- call events ----------

  private onCallEvent(event: CallEvent): void {
    const c = this.calls.get(event.callId) ?? this.track(event.callId);
    switch (event.type) {
      case 'ringing':
        if (event.direction === 'inbound') this.startRinging(event.callId, c);
        break;
      case 'answered':
        c.answered = true;
        // Talking again: the earlier call's after-call work is folded into this conversation.
        this.wrapUpOwed = null;
        if (c.ring && !c.ring.outcome()) this.record({ kind: 'ringOutcome', callId: event.callId, outcome: c.ring.answer(), atWall: this.deps.clock.wallNow() });
        // A new conversation supersedes the previous call's wrap-up (call waiting, back-to-back).
        if (this.wrapUp) void this.endWrapUpForNewCall();
        break;
      case 'resumed':
        if (c.hold.phase().kind === 'onHold') {
          this.record({ kind: 'holdSegment', callId: event.callId, segment: c.hold.resume() });
          c.thankCaller = true;
          this.publishHold(event.callId, c);
        }
        break;
      case 'ended':
        this.endCall(event, c);
        break;
      default:
        break;
    }
  }

  private track(callId: string): CallClocks {
    const { holdCheckInIntervalSec } = this.deps.settings.get();
    const hold = new HoldGuide(this.deps.clock, { checkInIntervalMs: holdCheckInIntervalSec * 1000 });
    const c: CallClocks = { ring: null, ringStartedWall: 0, lastRing: null, hold, thankCaller: false, answered: false };
    hold.onCheckInDue((index, atElapsedMs) => {
      const checkIn: HoldCheckIn = { index, dueAtElapsedMs: atElapsedMs, dueAtMonotonic: this.deps.clock.monotonicNow(), callerUpdatedAtElapsedMs: null };
      this.record({ kind: 'holdCheckIn', callId, checkIn, atWall: this.deps.clock.wallNow(), atMonotonic: this.deps.clock.monotonicNow() });
      this.publishHold(callId, c);
    });
    hold.onStep(() => this.publishHold(callId, c));
    this.calls.set(callId, c);
    return c;
  }

  private startRinging(callId: string, c: CallClocks): void {
    const settings = this.deps.settings.get();
    const ring = new RingCounter(this.deps.clock, settings.ringCadence, { missedAfterRings: settings.missedAfterRings });
    c.ring = ring;
    c.ringStartedWall = this.deps.clock.wallNow();
    const cycleMs = ringCycleMs(settings.ringCadence);
    ring.onRing((n) => {
      const standing: RingStanding = n < standardRings ? 'within' : n === standardRings ? 'last' : 'missed';
      const boundaryWall = c.ringStartedWall + ringBoundaryMs(n, settings.ringCadence);
      c.lastRing = { callId, ring: n, standing, boundaryWall, cycleMs };
      this.deps.eventHub.emit('onRingCount', c.lastRing);
    });
    ring.onNoAnswer((rings, outcome) => void this.ringNoAnswer(callId, rings, outcome));
    ring.start();
  }

  /** Ring-no-answer: stop alerting, and (setting) put the agent in Not ready — Missed with a notice. */
  private async ringNoAnswer(callId: string, rings: number, outcome: RingOutcome): Promise<void> {
    this.record({ kind: 'ringOutcome', callId, outcome, atWall: this.deps.clock.wallNow() });
    const number = this.deps.phone.remoteNumberOf(callId) ?? '';
    const { missedSetsNotReady } = this.deps.settings.get();
    // The notice tells the agent what actually happened, so it reports Not ready only once it is set.
    let setNotReady = false;
    try {
      await this.deps.phone.giveUpRinging(callId);
      if (missedSetsNotReady) {
        await this.deps.agentState.set({ kind: 'notReady', reason: 'missed' });
        setNotReady = true;
      }
    } catch (error) {
      this.deps.logger.error('Ring-no-answer handling failed', { callId, error: String(error) });
    }
    this.deps.eventHub.emit('onClockNotice', { kind: 'missedCall', callId, number, rings, setNotReady });
  }

  private endCall(event: Extract<CallEvent, { type: 'ended' }>, c: CallClocks): void {
    if (c.ring && !c.ring.outcome()) {
      const outcome = event.cause === 'abandoned' ? c.ring.abandon() : c.ring.stop();
      this.record({ kind: 'ringOutcome', callId: event.callId, outcome, atWall: this.deps.clock.wallNow() });
    }
    const segment = c.hold.callEnded();
    if (segment) this.record({ kind: 'holdSegment', callId: event.callId, segment });
    this.calls.delete(event.callId);
    if (c.answered) this.wrapUpOwed = event.callId;
    if (this.wrapUpOwed && !this.deps.phone.hasLiveCalls()) {
      const owed = this.wrapUpOwed;
      this.wrapUpOwed = null;
      this.startWrapUp(owed);
    }
  }

  private startWrapUp(callId: string): void {
    const timer = new WrapUpTimer(this.deps.clock, { limitMs: this.deps.settings.get().wrapUpLimitSec * 1000 });
    const running: RunningWrapUp = { callId, timer, after: { kind: 'ready' } };
    this.wrapUp = running;
    timer.onExpired((result) => void this.finishWrapUp(running, result));
    timer.start();
    this.publishWrapUp(running);
  }

  private async endWrapUpForNewCall(): Promise<void> {
    const running = this.wrapUp;
    if (!running || running.timer.result()) return;
    // The agent is already talking again: record the wrap-up, but do not change the agent state.
    this.wrapUp = null;
    this.record({ kind: 'wrapUp', callId: running.callId, result: running.timer.endEarly(), atWall: this.deps.clock.wallNow() });
    this.deps.eventHub.emit('onWrapUpChanged', this.wrapUpView(running));
  }

  private async finishWrapUp(running: RunningWrapUp, result: WrapUpResult): Promise<void> {
    if (this.wrapUp === running) this.wrapUp = null;
    this.record({ kind: 'wrapUp', callId: running.callId, result, atWall: this.deps.clock.wallNow() });
    this.deps.eventHub.emit('onWrapUpChanged', this.wrapUpView(running));
    try {
      await this.deps.agentState.set(running.after);
    } catch (error) {
      this.deps.logger.error('Could not set the agent state after wrap-up', { error: String(error) });
    }
  }

  // ---------- views ----------

  private holdView(callId: string, c: CallClocks): HoldGuideView {
    const phase = c.hold.phase();
    const status = phase.kind === 'onHold' ? phase.status : null;
    const lastCheckIn = status ? c.hold.pendingCheckIn() : null;
    return {
      callId,
      phase: phase.kind,
      step: phase.kind === 'guiding' ? phase.step : null,
      promisedMs: status?.promisedMs ?? null,
      elapsedMs: status?.elapsedMs ?? null,
      checkInsDue: status?.checkInsDue ?? 0,
      checkInPending: lastCheckIn !== null,
      thankCaller: c.thankCaller,
    };
  }

  private wrapUpView(running: RunningWrapUp): WrapUpView {
    const status = running.timer.status();
    const result = running.timer.result();
    return {
      callId: running.callId,
      running: status !== null,
      elapsedMs: status?.elapsedMs ?? result?.durationMs ?? 0,
      limitMs: status?.limitMs ?? result?.limitMs ?? 0,
      extended: status ? status.extended : (result?.extendedByMs ?? null) !== null,
      after: running.after,
      endedBy: result?.endedBy ?? null,
    };
  }

  private publishHold(callId: string, c: CallClocks): HoldGuideView {
    const view = this.holdView(callId, c);
    this.deps.eventHub.emit('onHoldGuideChanged', view);
    return view;
  }

  private publishWrapUp(running: RunningWrapUp): WrapUpView {
    const view = this.wrapUpView(running);
    this.deps.eventHub.emit('onWrapUpChanged', view);
    return view;
  }

  private withHold(callId: string, change: (c: CallClocks) => void): HoldGuideView {
    const c = this.require(callId);
    this.guard(() => change(c));
    return this.publishHold(callId, c);
  }

  private require(callId: string): CallClocks {
    const c = this.calls.get(callId);
    if (!c) throw new ContractError('NOT_FOUND', `No call ${callId} in progress.`);
    return c;
  }

  private requireWrapUp(): RunningWrapUp {
    if (!this.wrapUp) throw new ContractError('CONFLICT', 'No wrap-up is running.');
    return this.wrapUp;
  }

  /** The domain timers refuse out-of-order steps; the contract reports that as a conflict. */
  private guard<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (error instanceof HoldGuideRefused || error instanceof WrapUpRefused) throw new ContractError('CONFLICT', error.message);
      throw error;
    }
  }

  private record(record: ClockRecord): void {
    try {
      this.records.emit(record);
    } catch (error) {
      this.deps.logger.error('A clock record listener failed', { kind: record.kind, error: String(error) });
    }
  }
}
