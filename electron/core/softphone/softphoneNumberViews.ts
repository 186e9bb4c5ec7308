// S-6 for the softphone's replies and events: the numbers and display names of calls, the missed
// and declined lists and screen pops, as one viewer may see them. Every read of these goes
// through here (getSoftphoneState, getCallLists, and each event subscriber), like every other read.
import type { EventName, EventPayloadOf } from '../../../shared/contract/api';
import type { ClockNotice } from '../../../shared/contract/callClocks';
import type { ScreenPop } from '../../../shared/contract/customers';
import type { CallEvent, CallLists, CallListEntry, CallView, RemoteParty, SoftphoneState } from '../../../shared/contract/softphone';
import { mayViewPhoneOwnersNumbers, type NumberViewer } from '../../../shared/domain/customerNumberAccess';
import { maskDisplayName, maskPhoneNumber } from '../../../shared/domain/phoneMasking';
import type { EventView } from '../kernel/eventHub';

export function maskedRemoteParty(remote: RemoteParty): RemoteParty {
  return { ...remote, number: maskPhoneNumber(remote.number), name: remote.name === null ? null : maskDisplayName(remote.name) };
}

function maskedCallView(view: CallView): CallView {
  return { ...view, remote: maskedRemoteParty(view.remote), transfer: view.transfer && { ...view.transfer, target: maskPhoneNumber(view.transfer.target) } };
}

function maskedCallEvent(event: CallEvent): CallEvent {
  if (event.type === 'offered' || event.type === 'dialing') return { ...event, remote: maskedRemoteParty(event.remote) };
  if (event.type === 'transferStarted' || event.type === 'transferCompleted' || event.type === 'transferFailed') {
    return { ...event, target: maskPhoneNumber(event.target) };
  }
  return event;
}

function maskedListEntry(entry: CallListEntry): CallListEntry {
  return { ...entry, remote: maskedRemoteParty(entry.remote) };
}

function maskedCallLists(lists: CallLists): CallLists {
  return { ...lists, missed: lists.missed.map(maskedListEntry), declined: lists.declined.map(maskedListEntry) };
}

/** A pop is built for the phone's owner; a viewer who may not see the owner's numbers gets it masked. */
function maskedScreenPop(pop: ScreenPop): ScreenPop {
  return {
    ...pop,
    number: maskPhoneNumber(pop.number),
    matches: pop.matches.map((m) => ({ ...m, lastCalls: m.lastCalls.map((c) => ({ ...c, number: maskPhoneNumber(c.number) })) })),
  };
}

/** How a phone's numbers reach one viewer: as they are, or masked (S-6). */
export interface SoftphoneNumberView {
  state(state: SoftphoneState): SoftphoneState;
  callLists(lists: CallLists): CallLists;
  callView(view: CallView): CallView;
}

/** The view for `viewer` of the phone that belongs to `phoneOwnerId` (null: nobody's, e.g. in a test). */
export function softphoneNumberView(viewer: NumberViewer, phoneOwnerId: string | null): SoftphoneNumberView {
  if (mayViewPhoneOwnersNumbers(viewer, phoneOwnerId)) return { state: (s) => s, callLists: (l) => l, callView: (v) => v };
  return {
    state: (s) => ({ ...s, calls: s.calls.map(maskedCallView) }),
    callLists: maskedCallLists,
    callView: maskedCallView,
  };
}

/** An event payload as one subscriber may see it (see EventHub.subscribeFor). */


type Masker = (payload: never) => unknown;

/**
 * Every event, and how its numbers are masked: an exhaustive map, so a new event is a compile
 * error here until someone decides whether it carries a number (null: it carries none).
 */
const eventMaskers: { [E in EventName]: Masker | null } = {
  onCallUpdated: maskedCallView,
  onCallEvent: maskedCallEvent,
  onCallListsChanged: maskedCallLists,
  onScreenPop: maskedScreenPop,
  onAgentStateChanged: null,
  onRegistrationChanged: null,
  onMediaRequest: null, // SDP: addresses of media, no caller number
  onRingCount: null,
  onHoldGuideChanged: null,
  onWrapUpChanged: null,
  onClockNotice: (notice: ClockNotice): ClockNotice => ({ ...notice, number: maskPhoneNumber(notice.number) }),
  onClockSettingsChanged: null,
  onAudioDevicesChanged: null,
  onPhoneShortcutsChanged: null,
  onCallRecordSettingsChanged: null,
  onWorkingCalendarChanged: null,
  onGlobalShortcutStatus: null,
  onCallRefused: (refused: EventPayloadOf<'onCallRefused'>) => ({ ...refused, remote: maskedRemoteParty(refused.remote) }),
  onSessionChanged: null, // sent to its own connection only, never through the hub
};

/** Masks every event whose payload carries a number of the phone's calls for a viewer who may not see them in full. */
export function eventViewFor(phoneOwnerId: string | null | (() => string | null)): EventView {
  const owner = typeof phoneOwnerId === 'function' ? phoneOwnerId : () => phoneOwnerId;
  return <E extends EventName>(event: E, payload: EventPayloadOf<E>, viewer: NumberViewer): EventPayloadOf<E> => {
    const mask = eventMaskers[event];
    if (mask === null || mayViewPhoneOwnersNumbers(viewer, owner())) return payload;
    return mask(payload as never) as EventPayloadOf<E>;
  };
}
