// A core listener that throws inside a sip.js callback must not reach Node as uncaught.
import { describe, expect, it } from 'vitest';
import { guardedSipListener } from '../../../../../electron/adapters/sip/guardedSipListener';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';
import type { SipPortListener } from '../../../../../electron/core/softphone/ports';

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (message) => void errors.push(message) };
}

const failing = (): never => {
  throw new Error('listener bug');
};
const throwingListener: SipPortListener = {
  onRegistration: failing,
  onIncomingCall: failing,
  onCallAlerting: failing,
  onCallEstablished: failing,
  onCallEnded: failing,
  onTransferProgress: failing,
  onCallRefused: failing,
};

describe('guardedSipListener', () => {
  it('logs a failing callback instead of throwing into sip.js', () => {
    const logger = recordingLogger();
    const guarded = guardedSipListener(throwingListener, logger);
    expect(() => guarded.onRegistration({ kind: 'unregistered' })).not.toThrow();
    expect(() => guarded.onCallAlerting('c1')).not.toThrow();
    expect(() => guarded.onCallRefused({ remote: { number: '2001', name: null }, reason: 'noCommonCodec', offeredCodecs: [] })).not.toThrow();
    expect(() => guarded.onCallEstablished('c1')).not.toThrow();
    expect(() => guarded.onCallEnded('c1', 'remote', 'bye', null)).not.toThrow();
    expect(() => guarded.onTransferProgress('c1', { status: 'failed', detail: 'x' })).not.toThrow();
    expect(logger.errors).toHaveLength(6);
  });

  it('lets onIncomingCall fail, so the INVITE is answered with an error rather than left ringing', () => {
    const guarded = guardedSipListener(throwingListener, recordingLogger());
    expect(() => guarded.onIncomingCall({ callId: 'c1', remote: { number: '1', name: null }, replacesCallId: null })).toThrow('listener bug');
  });

  it('passes every argument through', () => {
    const seen: unknown[] = [];
    const guarded = guardedSipListener({ ...throwingListener, onCallEnded: (...args) => void seen.push(args) }, recordingLogger());
    guarded.onCallEnded('c1', 'system', 'error', 500);
    expect(seen).toEqual([['c1', 'system', 'error', 500]]);
  });
});
