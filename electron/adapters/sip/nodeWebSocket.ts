// sip.js's transport calls `new WebSocket(url, "sip")` on the global; Node 20 has none, so the
// adapter installs `ws` there, constructed with allowSynchronousEvents: false (see sip-notes: with
// ws's default an ACK and a re-INVITE in one TCP read are dispatched synchronously and sip.js
// answers the re-INVITE with 500).
import WebSocket, { type ClientOptions } from 'ws';

export class SipWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[], options?: ClientOptions) {
    super(url, protocols, { ...options, allowSynchronousEvents: false });
  }
}

/**
 * Make sip.js use {@link SipWebSocket}. It replaces the global also where Node has its own
 * (Node 22): the main process has no other user of the global, and one known-good socket beats two.
 */
export function installSipWebSocket(): void {
  const global = globalThis as { WebSocket?: unknown };
  if (global.WebSocket !== SipWebSocket) global.WebSocket = SipWebSocket;
}
