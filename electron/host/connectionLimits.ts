// How much any one network peer may hold of the web binding: connections, time, requests, memory.
// The binding listens on loopback only, but every local program is an untrusted peer (issue 12).
import { z } from 'zod';

export interface ConnectionLimits {
  /** Open contract WebSockets; one more is accepted, then closed with 1013 and a reason. */
  maxWebSockets: number;
  /** Requests of one WebSocket still being handled; one more is answered UNAVAILABLE, not run. */
  maxInFlightPerSocket: number;
  /** Bytes queued for a client that does not read; past this it is dropped (it reconnects). */
  maxBufferedBytes: number;
  /** TCP connections of the HTTP server (pages, upgrades, sockets): the OS drops the rest. */
  maxTcpConnections: number;
  /** A request's headers must arrive within this (a loopback browser needs milliseconds). */
  headersTimeoutMs: number;
  /** A whole HTTP request must arrive within this. */
  requestTimeoutMs: number;
  /** How often the HTTP server looks for requests past those two timeouts. */
  timeoutCheckIntervalMs: number;
  /** Each WebSocket is pinged this often; one that missed the previous pong is dropped. */
  heartbeatMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxWebSockets: 32,
  maxInFlightPerSocket: 128,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxTcpConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  timeoutCheckIntervalMs: 2_000,
  heartbeatMs: 15_000,
};

const positive = z.number().int().positive();
const overridesSchema = z
  .object({
    maxWebSockets: positive,
    maxInFlightPerSocket: positive,
    maxBufferedBytes: positive,
    maxTcpConnections: positive,
    headersTimeoutMs: positive,
    requestTimeoutMs: positive,
    timeoutCheckIntervalMs: positive,
    heartbeatMs: positive,
  })
  .partial()
  .strict();

/** Name of the environment variable that tunes the limits (JSON, any subset of the keys). */
export const connectionLimitsVariable = 'DESKLINE_NET_LIMITS';

/**
 * The limits with the overrides from `DESKLINE_NET_LIMITS` applied. An invalid value stops the
 * host with a clear message instead of silently running with limits nobody asked for.
 */
export function connectionLimitsFromEnv(env: Record<string, string | undefined>): ConnectionLimits {
  const text = env[connectionLimitsVariable];
  if (text === undefined || text.trim() === '') return defaultConnectionLimits;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${connectionLimitsVariable} must be JSON, e.g. {"maxWebSockets":8}; got ${JSON.stringify(text.slice(0, 80))}`);
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${connectionLimitsVariable}: ${z.prettifyError(parsed.error)}`);
  }
  const limits = { ...defaultConnectionLimits, ...parsed.data };
  // Node refuses a request timeout shorter than the headers timeout; say it in our words first.
  if (limits.requestTimeoutMs < limits.headersTimeoutMs) {
    throw new Error(`${connectionLimitsVariable}: requestTimeoutMs (${limits.requestTimeoutMs}) must not be below headersTimeoutMs (${limits.headersTimeoutMs})`);
  }
  return limits;
}
