// DesklineClient over the web host's WebSocket: request/reply frames matched by id, events pushed.
// Reconnects with backoff (the host may restart); the HttpOnly cookie carries the access token.
// Issue 13: a new connection has no session; the tab's resume token (if any) is sent first, before
// anything queued, so a reload or a reconnect carries on as the person who signed in.
import type { EventName } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/envelope';
import { serverFrameSchema } from '../../shared/contract/wire';
import type { ConnectionState, DesklineClient } from './desklineClient';
import { sessionToken } from './sessionToken';

const requestTimeoutMs = 30_000;

export function createWebSocketClient(location: Location): DesklineClient {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`;
  const pending = new Map<number, { resolve: (e: Envelope<never>) => void; timer: number }>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let state: ConnectionState = 'connecting';
  let retryDelayMs = 250;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  function connect() {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryDelayMs = 250;
      const token = sessionToken.get();
      if (token) {
        const id = nextId++;
        // The host attaches the session as it reads this frame, before the frames after it.
        const timer = window.setTimeout(() => pending.delete(id), requestTimeoutMs);
        pending.set(id, {
          resolve: (reply) => {
            if (!reply.ok && reply.error.code === 'UNAUTHENTICATED') sessionToken.clear();
          },
          timer,
        });
        socket.send(JSON.stringify({ id, method: 'resumeSession', payload: { resumeToken: token } }));
      }
      setState('open');
      for (const frame of queued.splice(0)) socket.send(frame);
    });
    socket.addEventListener('message', (message) => onFrame(String(message.data)));
    socket.addEventListener('close', () => {
      for (const [id, entry] of pending) {
        window.clearTimeout(entry.timer);
        entry.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'Lost the connection to the Deskline host.' } } as never);
        pending.delete(id);
      }
      setState('closed');
      window.setTimeout(connect, retryDelayMs);
      retryDelayMs = Math.min(retryDelayMs * 2, 5_000);
    });
  }

  function onFrame(text: string) {
    const parsed = serverFrameSchema.safeParse(safeJson(text));
    if (!parsed.success) return;
    const frame = parsed.data;
    if ('id' in frame) {
      const entry = pending.get(frame.id);
      if (!entry) return;
      pending.delete(frame.id);
      window.clearTimeout(entry.timer);
      entry.resolve(frame.reply as Envelope<never>);
    } else if ('event' in frame) {
      for (const listener of eventListeners.get(frame.event) ?? []) listener(frame.payload);
    } else {
      console.error('Deskline host refused a frame:', frame.protocolError.message);
    }
  }

  connect();

  return {
    invoke: (method, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        const timer = window.setTimeout(() => {
          pending.delete(id);
          resolve({ ok: false, error: { code: 'UNAVAILABLE', message: `${method} timed out.` } } as never);
        }, requestTimeoutMs);
        pending.set(id, { resolve: resolve as (e: Envelope<never>) => void, timer });
        const frame = JSON.stringify({ id, method, payload: request });
        if (state === 'open') socket.send(frame);
        else queued.push(frame);
      }),
    on: (event: EventName, listener) => {
      const set = eventListeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      eventListeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onConnectionChange: (listener) => {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
