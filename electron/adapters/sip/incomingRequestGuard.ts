// The last line of defence between the SIP wire and the process: sip.js runs its handling of an
// incoming message synchronously inside the WebSocket's message event and rethrows what escapes,
// which Node turns into an uncaught exception that ends the host and every call on it (issue 12).
import { randomBytes } from 'node:crypto';
import { Invitation, SessionState, type Core, type UserAgent } from 'sip.js';
import type { Logger } from '../../core/kernel/platformPorts';
import { badRequestReply } from './badRequestReply';

/**
 * Installs two guards on a freshly built UserAgent:
 * - an INVITE outside a dialog that sip.js itself fails on is answered 500 (never left ringing);
 *   one that repeats the Call-ID and From tag of a call we already have (a merged or forged
 *   request, RFC 3261 §8.2.2.2) is answered 482 before sip.js would replace that call's session;
 * - an INVITE's Expires that no timer can hold is made one that can (see normaliseExpires);
 * - a request sip.js cannot parse (it would drop it silently) is answered 400 Bad Request;
 * - anything else that escapes sip.js's handling of a message is logged, not rethrown.
 */
export interface IncomingRequestGuard {
  /**
   * To be called from the UserAgent's logConnector: sip.js reports a message it cannot parse only
   * as an error from its "sip.Parser" logger, synchronously while it handles that message.
   */
  sipJsLogged(level: string, category: string): void;
}

export function guardIncomingRequests(ua: UserAgent, logger: Logger): IncomingRequestGuard {
  let parseFailed = false;
  const core = ua.userAgentCore;
  const handleInvite = core.delegate.onInvite?.bind(core.delegate);
  if (handleInvite) {
    core.delegate.onInvite = (request: Core.IncomingInviteRequest) => {
      const sessionId = request.message.callId + request.message.fromTag;
      if (ua._sessions[sessionId]) {
        logger.warn('SIP: INVITE repeats a call in progress; refused with 482', { callId: request.message.callId });
        respond(request, 482, logger);
        return;
      }
      try {
        normaliseExpires(request.message);
        handleInvite(request);
      } catch (error) {
        logger.error('SIP: incoming INVITE could not be handled; refused with 500', {
          callId: request.message.callId,
          error: errorText(error),
        });
        refuseHalfBuilt(ua._sessions[sessionId], request, logger);
      }
    };
  }
  const deliver = ua.transport.onMessage;
  if (deliver) {
    ua.transport.onMessage = (message: string) => {
      try {
        parseFailed = false;
        deliver(message);
        // A request sip.js dropped as unparseable is answered (an ACK has no response).
        if (parseFailed && !/^(SIP\/|ACK\s)/i.test(message)) refuseUnparseable(ua, message, logger);
      } catch (error) {
        logger.error('SIP: an incoming message could not be handled; it was dropped', {
          error: errorText(error),
          firstLine: (message.split('\n', 1)[0] ?? '').slice(0, 200),
        });
      }
    };
  }
  return {
    sipJsLogged: (level, category) => {
      if (level === 'error' && category === 'sip.Parser') parseFailed = true;
    },
  };
}

/** Longest delay a Node timer holds (2^31 - 1 ms), in whole seconds. */
const maxTimerSeconds = Math.floor(0x7fffffff / 1000);

/**
 * sip.js arms `Expires × 1000` ms as is: a value that is not a number (NaN) or beyond a Node timer
 * fires at once and refuses the call 487 before it rings. A malformed Expires is ignored (it is
 * optional, RFC 3261 §13.3.1); a very long one is cut to the longest timer.
 */
function normaliseExpires(message: Core.IncomingRequestMessage): void {
  if (!message.hasHeader('expires')) return;
  const value = (message.getHeader('expires') ?? '').trim();
  if (!/^\d{1,10}$/.test(value)) {
    delete message.headers['Expires'];
    return;
  }
  if (Number(value) > maxTimerSeconds) message.setHeader('expires', String(maxTimerSeconds));
}

/** An INVITE dropped in silence leaves its caller hearing nothing until a proxy timer gives up. */
function refuseUnparseable(ua: UserAgent, message: string, logger: Logger): void {
  const reply = badRequestReply(message, randomBytes(5).toString('hex'));
  logger.warn('SIP: a request could not be parsed; refused with 400', { firstLine: (message.split('\n', 1)[0] ?? '').slice(0, 200), answered: reply !== null });
  if (reply) ua.transport.send(reply).catch((error: unknown) => logger.warn('SIP: 400 not sent', { error: errorText(error) }));
}

/**
 * sip.js may have built (and registered) the Invitation before it threw: refuse through it so its
 * own timers stop with it; otherwise through the transaction.
 */
function refuseHalfBuilt(session: unknown, request: Core.IncomingInviteRequest, logger: Logger): void {
  if (session instanceof Invitation && session.state === SessionState.Initial) {
    try {
      session.reject({ statusCode: 500 }).catch((error: unknown) => logger.warn('SIP: 500 not sent', { error: errorText(error) }));
      return;
    } catch (error) {
      logger.warn('SIP: 500 not sent through the session', { error: errorText(error) });
    }
  }
  respond(request, 500, logger);
}

function respond(request: Core.IncomingInviteRequest, statusCode: number, logger: Logger): void {
  try {
    request.reject({ statusCode });
  } catch (error) {
    // A final response already went out (the transaction is past Proceeding): nothing to add.
    logger.warn(`SIP: ${statusCode} not sent`, { error: errorText(error) });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
