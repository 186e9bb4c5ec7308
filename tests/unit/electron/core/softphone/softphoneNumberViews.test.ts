// S-6: each event subscriber and each softphone read gets the phone's numbers as its role may see
// them: the phone's own agent (who calls back) and team leads in full, QA and other agents masked.
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayloadOf } from '../../../../../shared/contract/api';
import type { ScreenPop } from '../../../../../shared/contract/customers';
import type { CallEvent, CallLists, CallView } from '../../../../../shared/contract/softphone';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { EventHub } from '../../../../../electron/core/kernel/eventHub';
import { eventViewFor, softphoneNumberView } from '../../../../../electron/core/softphone/softphoneNumberViews';

const owner: CallerContext = { role: 'agent', userId: 'local' };
const otherAgent: CallerContext = { role: 'agent', userId: 'someone-else' };
const qa: CallerContext = { role: 'qa', userId: 'q1' };
const lead: CallerContext = { role: 'teamLead', userId: 't1' };
const stamp = { monotonic: 1, wall: 1_700_000_000_000 };

const view: CallView = {
  callId: 'c1',
  direction: 'inbound',
  phase: 'active',
  remote: { number: '13800135678', name: '13800135678' },
  muted: false,
  waiting: false,
  consultFor: null,
  transfer: { kind: 'blind', target: '13912345678', status: 'trying' },
  offeredAt: stamp,
  ringingAt: stamp,
  answeredAt: stamp,
  endedAt: null,
  end: null,
};
const lists: CallLists = {
  missed: [{ callId: 'c2', remote: { number: '+8613800135678', name: 'Zhang 138 0013 5678' }, offeredAtWall: 1, endedAtWall: 2, cause: 'abandoned', seen: false }],
  declined: [{ callId: 'c3', remote: { number: '02165520000', name: '王芳' }, offeredAtWall: 1, endedAtWall: 2, cause: 'declined', seen: true }],
  unseenMissed: 1,
};
const pop: ScreenPop = {
  callId: 'c1',
  number: '13800135678',
  linkedCustomerId: null,
  callerIdVerified: false,
  matches: [
    {
      customerId: 'k1', name: '王芳', organisation: null, tags: [], consent: true, consentAt: 1, openHandoffs: 0, openComplaints: 0,
      lastCalls: [{ callId: 'c0', direction: 'inbound', number: '13800135678', agentId: 'local', outcome: 'answered', startedAt: 1, talkMs: 1, category: null, disposition: null, notes: '' }],
    },
  ],
};

const viewOf = eventViewFor('local');
function seen<E extends EventName>(event: E, payload: EventPayloadOf<E>, viewer: CallerContext): string {
  return JSON.stringify(viewOf(event, payload, viewer));
}

describe('eventViewFor', () => {
  it('gives the phone’s own agent and team leads every number in full (the agent calls back from the missed list)', () => {
    for (const viewer of [owner, lead]) {
      expect(viewOf('onCallUpdated', view, viewer)).toBe(view);
      expect(viewOf('onCallListsChanged', lists, viewer)).toBe(lists);
      expect(viewOf('onScreenPop', pop, viewer)).toBe(pop);
    }
  });
  it('masks numbers, number-like names and transfer targets for QA and for another agent', () => {
    for (const viewer of [qa, otherAgent]) {
      const masked = viewOf('onCallUpdated', view, viewer);
      expect(masked.remote).toEqual({ number: '138****5678', name: '138****5678' });
      expect(masked.transfer?.target).toBe('139****5678');
      const maskedLists = viewOf('onCallListsChanged', lists, viewer);
      expect(maskedLists.missed[0]?.remote).toEqual({ number: '+86 138****5678', name: 'Zhang 138****5678' });
      expect(maskedLists.declined[0]?.remote).toEqual({ number: '021****0000', name: '王芳' });
      expect(maskedLists.unseenMissed).toBe(1);
    }
  });
  it('masks every event that carries a number: call events, screen pops and the missed-call notice', () => {
    const offered: CallEvent = { callId: 'c1', direction: 'inbound', at: stamp, type: 'offered', remote: view.remote, waiting: false };
    const transfer: CallEvent = { callId: 'c1', direction: 'inbound', at: stamp, type: 'transferFailed', kind: 'blind', target: '13912345678', reason: 'busy' };
    const notice = { kind: 'missedCall' as const, callId: 'c1', number: '13800135678', rings: 4, setNotReady: true };
    for (const text of [seen('onCallEvent', offered, qa), seen('onCallEvent', transfer, qa), seen('onScreenPop', pop, qa), seen('onClockNotice', notice, qa)]) {
      expect(text).not.toMatch(/13800135678|13912345678/);
      expect(text).toMatch(/13[89]\*\*\*\*5678/);
    }
  });
  it('a phone that belongs to nobody shows agents nothing in full', () => {
    expect(eventViewFor(null)('onCallUpdated', view, owner).remote.number).toBe('138****5678');
  });
});

describe('softphoneNumberView (getSoftphoneState, getCallLists)', () => {
  it('masks the state and the lists for QA, not for the phone’s own agent', () => {
    const state = { registration: { kind: 'unregistered' as const }, calls: [view] };
    expect(softphoneNumberView(owner, 'local').state(state)).toBe(state);
    expect(softphoneNumberView(qa, 'local').state(state).calls[0]?.remote.number).toBe('138****5678');
    expect(softphoneNumberView(qa, 'local').callLists(lists).missed[0]?.remote.number).toBe('+86 138****5678');
    expect(softphoneNumberView(owner, 'local').callLists(lists)).toBe(lists);
  });
});

describe('EventHub.subscribeFor', () => {
  it('hands each subscriber its own view of one emitted event; subscribe still sees the payload as emitted', () => {
    const hub = new EventHub(eventViewFor('local'));
    const got: Record<string, string> = {};
    hub.subscribeFor(qa, (_e, payload) => (got.qa = (payload as CallView).remote.number));
    const stop = hub.subscribeFor(owner, (_e, payload) => (got.owner = (payload as CallView).remote.number));
    hub.subscribe((_e, payload) => (got.core = (payload as CallView).remote.number));
    hub.emit('onCallUpdated', view);
    expect(got).toEqual({ qa: '138****5678', owner: '13800135678', core: '13800135678' });
    stop();
    got.owner = 'unsubscribed';
    hub.emit('onCallUpdated', view);
    expect(got.owner).toBe('unsubscribed');
  });
});
