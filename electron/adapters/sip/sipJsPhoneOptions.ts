// What the sip.js phone is built with: its media, clock and logger, and the tuning of registration and calls.
import type { Clock } from '../../../shared/domain/clock';
import type { Logger } from '../../core/kernel/platformPorts';
import type { MediaPort } from '../../core/softphone/ports';

export interface SipJsPhoneOptions {
  media: MediaPort;
  clock: Clock;
  logger: Logger;
  /** Registration lifetime asked for; sip.js refreshes at `refreshPercent` of what was granted. */
  registerExpiresSec?: number;
  refreshPercent?: number;
  /** Reconnect backoff: first delay, cap, and up to +20 % jitter so agents don't reconnect in step. */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  /** Seconds to wait for the WebSocket to open. */
  connectTimeoutSec?: number;
  /** How long hold/resume waits for the ACK of our 200 OK before giving up. */
  ackWaitMs?: number;
  /** Is the server reachable again? (default: a TCP connect to the WebSocket URL's host:port). */
  probe?: (serverUrl: string) => Promise<boolean>;
  /** While the server is unreachable it is probed this often (+ up to 20 % jitter). */
  probeIntervalMs?: number;
  /** Once it answers again, the REGISTER goes out within this random spread (desks not in step). */
  probeSpreadMs?: number;
}
