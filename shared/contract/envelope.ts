// Every reply crosses the process boundary as an envelope: Electron passes only an error's
// message across IPC, so the code and message travel as data instead of as a thrown Error.
import { z } from 'zod';

export const errorCodes = [
  'VALIDATION', // the payload does not match the contract; nothing was changed
  'UNKNOWN_METHOD',
  'FORBIDDEN', // the caller's role may not call this method
  'NOT_FOUND',
  'CONFLICT', // the request is valid but not in the current state (e.g. answer with no call ringing)
  'UNAVAILABLE', // a dependency (SIP server, store) cannot be reached right now
  'MEDIA', // a call's audio could not be set up (the browser refused the far end's media)
  'INTERNAL',
  'UNAUTHENTICATED', // the connection has no signed-in session (sign in first)
  'LOCKED', // the session is locked: only the lock screen's methods run until the same person unlocks
  'RATE_LIMITED', // too many failed sign-ins: try again after the delay the message names
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const contractErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type ContractErrorData = z.infer<typeof contractErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorData };

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: contractErrorSchema }),
  ]);
}

/** Thrown by services for failures the caller should see with a specific code. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}
