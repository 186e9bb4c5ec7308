// The call state machine on a FakeClock: transitions, end causes, and stamped call events.
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../shared/contract/softphone';
import { CallStateMachine, InvalidCallTransition, endCauseFor, type CallInit } from '../../../../shared/domain/callStateMachine';
import { FakeClock } from '../../../support/fakeClock';

function setup(init: Partial<CallInit> = {}) {
  const clock = new FakeClock({ monotonicStart: 1000 });
  const events: CallEvent[] = [];
  const call = new CallStateMachine(
    clock,
    { callId: 'c1', direction: 'inbound', remote: { number: '3001', name: 'Caller' }, ...init },
    (event) => events.push(event),
  );
  return { clock, events, call };
}

describe('CallStateMachine', () => {
  it('stamps offered/ringing/answered/held/resumed/ended with monotonic and wall time', () => {
    const { clock, events, call } = setup();
    const wall0 = clock.wallNow();
    call.offer();
    clock.advance(7_500); // rings 1 and 2 of a 5 s cadence have started (S-1.3)
    call.answered();
    clock.advance(10_000);
    call.held();
    clock.advance(45_000);
    call.resumed();
    clock.advance(1_000);
    call.ended('remote', 'bye');
    expect(events.map((e) => [e.type, e.at.monotonic, e.at.wall - wall0])).toEqual([
      ['offered', 1000, 0],
      ['ringing', 1000, 0],
      ['answered', 8500, 7500],
      ['held', 18500, 17500],
      ['resumed', 63500, 62500],
      ['ended', 64500, 63500],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'ended', cause: 'completed', by: 'remote', sipCode: null });
    expect(call.view()).toMatchObject({
      phase: 'ended',
      ringingAt: { monotonic: 1000 },
      answeredAt: { monotonic: 8500 },
      endedAt: { monotonic: 64500 },
      end: { cause: 'completed', by: 'remote' },
    });
  });

  it('keeps ring timing on the monotonic clock when wall time jumps', () => {
    const { clock, call } = setup();
    call.offer();
    clock.jumpWall(-3_600_000);
    clock.advance(4_000);
    call.answered();
    const view = call.view();
    expect(view.answeredAt!.monotonic - view.ringingAt!.monotonic).toBe(4_000);
  });

  it('calls a caller hang-up while ringing abandoned, and our decline declined or busy', () => {
    const a = setup();
    a.call.offer();
    a.call.ended('remote', 'cancel', 487);
    expect(a.call.view().end).toEqual({ cause: 'abandoned', by: 'remote', sipCode: 487 });

    const d = setup();
    d.call.offer();
    d.call.ended('local', 'reject', 603);
    expect(d.call.view().end?.cause).toBe('declined');

    const b = setup();
    b.call.offer();
    b.call.ended('system', 'reject', 486);
    expect(b.call.view().end).toEqual({ cause: 'busy', by: 'system', sipCode: 486 });
  });

  it('outbound: dialing, alerting once, answered; refusals and cancels get their causes', () => {
    const { events, call } = setup({ direction: 'outbound' });
    call.dial();
    call.alerting();
    call.alerting(); // 180 then 183: one alerting event
    call.answered();
    call.ended('local', 'bye');
    expect(events.map((e) => e.type)).toEqual(['dialing', 'alerting', 'answered', 'ended']);
    expect(endCauseFor('dialing', 'outbound', 'local', 'cancel', 487)).toBe('cancelled');
    expect(endCauseFor('dialing', 'outbound', 'remote', 'reject', 486)).toBe('busy');
    expect(endCauseFor('dialing', 'outbound', 'remote', 'reject', 404)).toBe('rejected');
    expect(endCauseFor('ringing', 'inbound', 'system', 'cancel', null)).toBe('unanswered');
    expect(endCauseFor('active', 'inbound', 'system', 'error', null)).toBe('failed');
    expect(endCauseFor('held', 'inbound', 'remote', 'replaced', null)).toBe('replaced');
  });

  it('mute is a flag on an answered call and emits only on change', () => {
    const { events, call } = setup();
    call.offer();
    expect(() => call.setMuted(true)).toThrow(InvalidCallTransition);
    call.answered();
    call.setMuted(true);
    call.setMuted(true);
    call.held();
    call.setMuted(false);
    expect(events.map((e) => e.type)).toEqual(['offered', 'ringing', 'answered', 'muted', 'held', 'unmuted']);
    expect(call.isMuted()).toBe(false);
  });

  it('transfer: started then completed, and the BYE that follows ends the call as transferred', () => {
    const { events, call } = setup();
    call.offer();
    call.answered();
    call.transferStarted('blind', '2002');
    expect(() => call.transferStarted('blind', '2003')).toThrow(InvalidCallTransition);
    call.transferCompleted();
    call.ended('local', 'bye');
    expect(events.slice(3).map((e) => e.type)).toEqual(['transferStarted', 'transferCompleted', 'ended']);
    expect(call.view()).toMatchObject({ transfer: { kind: 'blind', target: '2002', status: 'completed' }, end: { cause: 'transferred' } });
  });

  it('a failed transfer keeps the call and allows another attempt', () => {
    const { call } = setup();
    call.offer();
    call.answered();
    call.transferStarted('attended', '2002');
    call.transferFailed('SIP/2.0 486 Busy Here');
    expect(call.current()).toBe('active');
    call.transferStarted('blind', '2003');
    expect(call.view().transfer).toEqual({ kind: 'blind', target: '2003', status: 'trying' });
  });

  it('refuses transitions that do not fit the phase, and ignores a second end', () => {
    const { events, call } = setup();
    expect(() => call.answered()).toThrow(/Cannot answer call c1 while it is idle/);
    expect(() => call.dial()).toThrow(InvalidCallTransition); // inbound calls are not dialled
    call.offer();
    expect(() => call.held()).toThrow(InvalidCallTransition);
    expect(() => call.resumed()).toThrow(InvalidCallTransition);
    expect(() => call.offer()).toThrow(InvalidCallTransition);
    call.ended('remote', 'cancel');
    call.ended('system', 'error');
    expect(events.filter((e) => e.type === 'ended')).toHaveLength(1);
    expect(() => call.answered()).toThrow(InvalidCallTransition);
  });

  it('marks a call that arrives during another call as waiting', () => {
    const { events, call } = setup({ waiting: true });
    call.offer();
    expect(events[0]).toMatchObject({ type: 'offered', waiting: true, remote: { number: '3001', name: 'Caller' } });
    expect(call.view().waiting).toBe(true);
  });
});
