// What the agent is told when a call does not become a conversation (issue 20).
import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../../shared/contract/softphone';
import { callOutcomeNotice, refusalNoticeKey } from '../../../../shared/domain/callOutcome';

const stamp = { monotonic: 0, wall: 0 };
function ended(direction: CallView['direction'], end: NonNullable<CallView['end']>): CallView {
  return {
    callId: 'c1',
    direction,
    phase: 'ended',
    remote: { number: '2001', name: null },
    muted: false,
    waiting: false,
    consultFor: null,
    transfer: null,
    offeredAt: stamp,
    ringingAt: null,
    answeredAt: null,
    endedAt: stamp,
    end,
  };
}

describe('callOutcomeNotice', () => {
  it.each([
    [404, 'notFound'],
    [484, 'notFound'],
    [604, 'notFound'],
    [408, 'noAnswer'],
    [480, 'noAnswer'],
    [487, 'noAnswer'],
    [603, 'declined'],
    [488, 'noCommonCodec'],
    [606, 'noCommonCodec'],
    [503, 'failed'],
  ] as const)('an outgoing call refused with %i is told as %s', (sipCode, key) => {
    expect(callOutcomeNotice(ended('outbound', { cause: 'rejected', by: 'remote', sipCode }))).toEqual({ key, number: '2001', sipCode });
  });

  it('busy is busy, whichever code said it', () => {
    expect(callOutcomeNotice(ended('outbound', { cause: 'busy', by: 'remote', sipCode: 600 }))?.key).toBe('busy');
  });

  it('a media failure is said as such, in either direction; other failures as a lost connection', () => {
    expect(callOutcomeNotice(ended('inbound', { cause: 'failed', by: 'system', sipCode: null, failure: 'media' }))?.key).toBe('media');
    expect(callOutcomeNotice(ended('outbound', { cause: 'failed', by: 'system', sipCode: null, failure: 'error' }))?.key).toBe('error');
    expect(callOutcomeNotice(ended('outbound', { cause: 'failed', by: 'system', sipCode: null }))?.key).toBe('error');
  });

  it('says nothing for an ordinary end: hung up, cancelled by the agent, or an inbound call missed', () => {
    expect(callOutcomeNotice(ended('outbound', { cause: 'completed', by: 'remote', sipCode: null }))).toBeNull();
    expect(callOutcomeNotice(ended('outbound', { cause: 'cancelled', by: 'local', sipCode: 487 }))).toBeNull();
    expect(callOutcomeNotice(ended('inbound', { cause: 'abandoned', by: 'remote', sipCode: 487 }))).toBeNull();
    expect(callOutcomeNotice(ended('inbound', { cause: 'busy', by: 'system', sipCode: 486 }))).toBeNull();
  });

  it('names the notice for each arrival refusal', () => {
    expect(refusalNoticeKey('noCommonCodec')).toBe('refusedNoCommonCodec');
    expect(refusalNoticeKey('notWebRtc')).toBe('refusedNotWebRtc');
    expect(refusalNoticeKey('noAudio')).toBe('refusedNoAudio');
  });
});
