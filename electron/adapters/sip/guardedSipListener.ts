// The core's SIP listener as the sip.js adapter calls it: from inside sip.js callbacks (transport
// message handlers, microtasks, timers) where an exception would reach Node as uncaught and end the
// host with every call on it (issue 12). A failing callback is logged; the SIP side carries on.
import type { Logger } from '../../core/kernel/platformPorts';
import type { SipPortListener } from '../../core/softphone/ports';

/**
 * Every callback except onIncomingCall is made safe. onIncomingCall is left to throw: its caller
 * answers the INVITE with a SIP error, which a swallowed failure would leave ringing.
 */
export function guardedSipListener(listener: SipPortListener, logger: Logger): SipPortListener {
  const guard =
    <A extends unknown[]>(name: string, callback: (...args: A) => void) =>
    (...args: A): void => {
      try {
        callback(...args);
      } catch (error) {
        logger.error(`Softphone listener ${name} failed`, { error: error instanceof Error ? error.message : String(error) });
      }
    };
  return {
    onRegistration: guard('onRegistration', (status) => listener.onRegistration(status)),
    onIncomingCall: (call) => listener.onIncomingCall(call),
    onCallRefused: guard('onCallRefused', (call) => listener.onCallRefused(call)),
    onCallAlerting: guard('onCallAlerting', (callId) => listener.onCallAlerting(callId)),
    onCallEstablished: guard('onCallEstablished', (callId) => listener.onCallEstablished(callId)),
    onCallEnded: guard('onCallEnded', (callId, by, reason, sipCode) => listener.onCallEnded(callId, by, reason, sipCode)),
    onTransferProgress: guard('onTransferProgress', (callId, progress) => listener.onTransferProgress(callId, progress)),
  };
}
