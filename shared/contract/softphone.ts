// Contract for the softphone: account settings, registration, call control, call events, the
// missed/declined lists, and the media bridge between main-process SIP and renderer WebRTC audio.
import { z } from 'zod';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

// ---------- account settings ----------

export const iceServerSchema = z
  .object({
    /** stun:, turn: or turns: URLs. */
    urls: z
      .array(z.string().max(512).regex(/^(stun|turn|turns):\S+$/, 'ICE server URLs start with stun:, turn: or turns:'))
      .min(1)
      .max(8),
    username: z.string().max(256).optional(),
    credential: z.string().max(256).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof iceServerSchema>;

export const declineCodeSchema = z.union([z.literal(486), z.literal(603)]);
export const dtmfModeSchema = z.enum(['rfc4733', 'info']);
export type DtmfMode = z.infer<typeof dtmfModeSchema>;

const accountFields = {
  /** ws:// or wss:// URL of the SIP WebSocket server. */
  // Bounded like every request string (issue 12): the web binding caps a frame, Electron's IPC does not.
  serverUrl: z.string().trim().max(2048).regex(/^wss?:\/\/[^\s/]+(\/\S*)?$/, 'The server must be a ws:// or wss:// URL'),
  /** The agent's address of record, e.g. sip:1001@pbx.example.com. */
  sipUri: z.string().trim().max(512).regex(/^sips?:[^\s@:;]+@[^\s@;]+$/, 'The SIP URI looks like sip:user@domain'),
  /** Digest user name; empty means the SIP URI's user part. */
  authUser: z.string().trim().max(128),
  displayName: z.string().trim().max(128),
  iceServers: z.array(iceServerSchema).max(8),
  /** SIP status used by Decline: 603 Decline or 486 Busy Here. */
  declineCode: declineCodeSchema,
  /** How keypad digits travel: RFC 4733 events in the audio stream or SIP INFO. */
  dtmfMode: dtmfModeSchema,
  /** Reject a second incoming call with 486 while on a call, instead of showing it as waiting. */
  rejectCallWaiting: z.boolean(),
};

/** Account settings as the renderer sees them: the password never leaves the main process. */
export const softphoneSettingsViewSchema = z
  .object({
    ...accountFields,
    /** Empty until the account is first saved. */
    serverUrl: z.string(),
    sipUri: z.string(),
    passwordSet: z.boolean(),
    /** Server URL and SIP URI are saved: register can be tried. */
    configured: z.boolean(),
    serverAssertsIdentity: z.boolean(),
  })
  .strict();
export type SoftphoneSettingsView = z.infer<typeof softphoneSettingsViewSchema>;

export const saveSoftphoneSettingsSchema = z
  .object({
    ...accountFields,
    /** New password; omit to keep the stored one, empty string to remove it. */
    password: z.string().max(256).optional(),
    /**
     * The SIP server asserts callers' identity (RFC 3325): it puts a P-Asserted-Identity header
     * on the INVITEs it sends us and removes any a caller sent. Only then is a caller ID shown as
     * verified. Left out: off (unverified), the safe reading of an unknown server.
     */
    serverAssertsIdentity: z.boolean().default(false),
  })
  .strict();
/** As sent (serverAssertsIdentity may be left out: off). */
export type SaveSoftphoneSettings = z.input<typeof saveSoftphoneSettingsSchema>;

// ---------- registration ----------

export const registrationFailureSchema = z.enum([
  'auth', // 401/403: wrong user or password; not retried until settings change or register()
  'unreachable', // the WebSocket could not be opened; retried with backoff
  'rejected', // another final REGISTER failure (e.g. 404, 5xx); retried with backoff
  'config', // settings incomplete or invalid; nothing to retry
]);
export type RegistrationFailure = z.infer<typeof registrationFailureSchema>;

export const registrationStatusSchema = z.discriminatedUnion('kind', [
  /** Not registered and not trying (never started, or unregister() was called). */
  z.object({ kind: z.literal('unregistered') }).strict(),
  /** Connecting or (re-)registering; `attempt` counts reconnects since the last success. */
  z.object({ kind: z.literal('connecting'), attempt: z.number().int().nonnegative() }).strict(),
  /** Registered; the binding lasts `expiresSec` from `sinceWall` and is refreshed before then. */
  z
    .object({ kind: z.literal('registered'), sinceWall: z.number(), expiresSec: z.number().int().positive() })
    .strict(),
  /** Failed with a reason; `retryInMs` is set when a retry is scheduled, null when it is not. */
  z
    .object({
      kind: z.literal('failed'),
      reason: registrationFailureSchema,
      message: z.string(),
      sipCode: z.number().int().nullable(),
      retryInMs: z.number().int().nonnegative().nullable(),
    })
    .strict(),
]);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

// ---------- calls ----------

export const callPhaseSchema = z.enum(['idle', 'ringing', 'dialing', 'active', 'held', 'ended']);
export type CallPhase = z.infer<typeof callPhaseSchema>;

export const callDirectionSchema = z.enum(['inbound', 'outbound']);
export type CallDirection = z.infer<typeof callDirectionSchema>;

/** Who ended a call: the agent, the other party, or the system (settings, errors, transfer). */
export const callPartySchema = z.enum(['local', 'remote', 'system']);
export type CallParty = z.infer<typeof callPartySchema>;

export const callEndCauseSchema = z.enum([
  'completed', // answered, then hung up by either side
  'declined', // the agent declined a ringing call
  'busy', // rejected as busy (call-waiting setting, or the far end answered 486/600)
  'abandoned', // the caller hung up while it was ringing (S-1: counts against answering)
  'unanswered', // nobody answered before the system gave up ringing (no-answer timeout)
  'cancelled', // the agent hung up an outgoing call before it was answered
  'rejected', // the far end refused an outgoing call (other 4xx-6xx)
  'transferred', // the agent's leg ended because a transfer completed
  'replaced', // replaced by another dialog (RFC 3891, attended transfer to us)
  'failed', // signalling or media failure
]);
export type CallEndCause = z.infer<typeof callEndCauseSchema>;

/** What failed, for a call that ended as 'failed': the agent is told in words (issue 20). */
export const callFailureSchema = z.enum([
  'media', // the call's audio could not be set up (the far end's SDP was refused by the browser)
  'error', // signalling or transport failure
]);
export type CallFailure = z.infer<typeof callFailureSchema>;

/** Why an incoming call was refused on arrival with 488, before it rang. */
export const offerRefusalSchema = z.enum([
  'noAudio', // the offer had no usable audio stream
  'noCommonCodec', // the caller's phone offered no audio format the desk's browser has
  'notWebRtc', // plain RTP without DTLS/ICE: the desk needs an RTP <-> WebRTC bridge in front
]);
export type OfferRefusal = z.infer<typeof offerRefusalSchema>;

export const stampSchema = z
  .object({
    /** Monotonic ms (for durations and ring counting, S-1.3). */
    monotonic: z.number(),
    /** Wall-clock epoch ms (for records people read). */
    wall: z.number(),
  })
  .strict();
export type Stamp = z.infer<typeof stampSchema>;

export const remotePartySchema = z
  .object({
    /** The user part of the remote URI (the phone number), or the whole URI when it has none. */
    number: z.string(),
    /** Display name from the From/To header, or null. */
    name: z.string().nullable(),
    /**
     * Whether the number is one we can trust: an inbound caller ID asserted by the configured SIP
     * server (P-Asserted-Identity, RFC 3325, with serverAssertsIdentity on), or a number we
     * dialled. False: the caller's own From header, which anyone can set (S-6: shown as
     * "unverified", and a single customer match is not linked without the agent's confirmation).
     * Left out means false.
     */
    verified: z.boolean().optional(),
  })
  .strict();
export type RemoteParty = z.infer<typeof remotePartySchema>;

export const transferKindSchema = z.enum(['blind', 'attended']);
export type TransferKind = z.infer<typeof transferKindSchema>;

const eventBase = {
  callId: z.string(),
  direction: callDirectionSchema,
  at: stampSchema,
};

/** One thing that happened to a call; the store, ring counter and call log consume these. */
export const callEventSchema = z.discriminatedUnion('type', [
  /** An inbound call arrived (`waiting`: while another call was in progress). */
  z.object({ ...eventBase, type: z.literal('offered'), remote: remotePartySchema, waiting: z.boolean() }).strict(),
  /** The call started alerting the agent: ring counting starts here (S-1.3). */
  z.object({ ...eventBase, type: z.literal('ringing') }).strict(),
  /** An outgoing call was sent. */
  z.object({ ...eventBase, type: z.literal('dialing'), remote: remotePartySchema }).strict(),
  /** The far end of an outgoing call is alerting (180/183). */
  z.object({ ...eventBase, type: z.literal('alerting') }).strict(),
  z.object({ ...eventBase, type: z.literal('answered') }).strict(),
  z.object({ ...eventBase, type: z.literal('held') }).strict(),
  z.object({ ...eventBase, type: z.literal('resumed') }).strict(),
  z.object({ ...eventBase, type: z.literal('muted') }).strict(),
  z.object({ ...eventBase, type: z.literal('unmuted') }).strict(),
  z.object({ ...eventBase, type: z.literal('transferStarted'), kind: transferKindSchema, target: z.string() }).strict(),
  z.object({ ...eventBase, type: z.literal('transferCompleted'), kind: transferKindSchema, target: z.string() }).strict(),
  z
    .object({ ...eventBase, type: z.literal('transferFailed'), kind: transferKindSchema, target: z.string(), reason: z.string() })
    .strict(),
  z
    .object({
      ...eventBase,
      type: z.literal('ended'),
      cause: callEndCauseSchema,
      by: callPartySchema,
      /** SIP status involved in ending, when there was one (e.g. 486, 603, 487). */
      sipCode: z.number().int().nullable(),
      /** For cause 'failed': what failed (absent in events stored before it existed). */
      failure: callFailureSchema.optional(),
    })
    .strict(),
]);
export type CallEvent = z.infer<typeof callEventSchema>;
export type CallEventType = CallEvent['type'];

export const callTransferSchema = z
  .object({
    kind: transferKindSchema,
    target: z.string(),
    status: z.enum(['trying', 'completed', 'failed']),
  })
  .strict();

/** The state of one call, pushed with every change. */
export const callViewSchema = z
  .object({
    callId: z.string(),
    direction: callDirectionSchema,
    phase: callPhaseSchema,
    remote: remotePartySchema,
    muted: z.boolean(),
    /** An inbound call that arrived while another call was in progress. */
    waiting: z.boolean(),
    /** For a consultation call: the call it consults about (attended transfer). */
    consultFor: z.string().nullable(),
    transfer: callTransferSchema.nullable(),
    offeredAt: stampSchema,
    /** Inbound: when the call started alerting the agent; outbound: when the far end started ringing. */
    ringingAt: stampSchema.nullable(),
    answeredAt: stampSchema.nullable(),
    endedAt: stampSchema.nullable(),
    end: z
      .object({ cause: callEndCauseSchema, by: callPartySchema, sipCode: z.number().int().nullable(), failure: callFailureSchema.optional() })
      .strict()
      .nullable(),
  })
  .strict();
export type CallView = z.infer<typeof callViewSchema>;

export const softphoneStateSchema = z
  .object({
    registration: registrationStatusSchema,
    /** Calls not yet ended, oldest first. */
    calls: z.array(callViewSchema),
  })
  .strict();
export type SoftphoneState = z.infer<typeof softphoneStateSchema>;

// ---------- missed / declined lists ----------

export const callListEntrySchema = z
  .object({
    callId: z.string(),
    remote: remotePartySchema,
    offeredAtWall: z.number(),
    endedAtWall: z.number(),
    cause: callEndCauseSchema,
    /** Whether the agent has looked at the missed list since this call (declined: always true). */
    seen: z.boolean(),
  })
  .strict();
export type CallListEntry = z.infer<typeof callListEntrySchema>;

export const callListsSchema = z
  .object({
    /** Abandoned and busy-rejected inbound calls, newest first: callbacks are made from here. */
    missed: z.array(callListEntrySchema),
    /** Calls the agent declined, newest first. */
    declined: z.array(callListEntrySchema),
    /** Badge count: missed calls not yet seen. */
    unseenMissed: z.number().int().nonnegative(),
  })
  .strict();
export type CallLists = z.infer<typeof callListsSchema>;

// ---------- media bridge ----------

/**
 * A request from the main process to the renderer's RTCPeerConnection for one call. The renderer
 * answers each one with completeMediaRequest (with `sdp` for createOffer/createAnswer).
 */
export const mediaRequestSchema = z.discriminatedUnion('kind', [
  /** Create a local offer (new outgoing call, hold/resume re-INVITE, ICE restart); reply with sdp. */
  z
    .object({
      requestId: z.string(),
      callId: z.string(),
      kind: z.literal('createOffer'),
      hold: z.boolean(),
      iceRestart: z.boolean(),
      iceServers: z.array(iceServerSchema),
    })
    .strict(),
  /** Create the answer to the remote offer already set; reply with sdp. */
  z
    .object({
      requestId: z.string(),
      callId: z.string(),
      kind: z.literal('createAnswer'),
      hold: z.boolean(),
      iceServers: z.array(iceServerSchema),
    })
    .strict(),
  /**
   * While an incoming call rings: apply its offer and create the answer now (microphone, ICE), so
   * Answer only has to send the 200 OK. Reply with sdp. The answer is used if the agent answers.
   */
  z
    .object({
      requestId: z.string(),
      callId: z.string(),
      kind: z.literal('prepareAnswer'),
      sdp: z.string(),
      iceServers: z.array(iceServerSchema),
    })
    .strict(),
  /** Apply a remote description (an offer to answer, or the answer to our offer). */
  z
    .object({
      requestId: z.string(),
      callId: z.string(),
      kind: z.literal('setRemote'),
      type: z.enum(['offer', 'answer']),
      sdp: z.string(),
    })
    .strict(),
  /** Undo a local offer the far end refused (e.g. re-INVITE answered 488/491). */
  z.object({ requestId: z.string(), callId: z.string(), kind: z.literal('rollback') }).strict(),
  /** Mute or unmute the microphone track (local only, no signalling). */
  z.object({ requestId: z.string(), callId: z.string(), kind: z.literal('setMuted'), muted: z.boolean() }).strict(),
  /** Play RFC 4733 DTMF on the audio sender (RTCDTMFSender.insertDTMF). */
  z
    .object({
      requestId: z.string(),
      callId: z.string(),
      kind: z.literal('sendDtmf'),
      tones: z.string(),
      durationMs: z.number().int().positive(),
      gapMs: z.number().int().positive(),
    })
    .strict(),
  /** The call is over: close the peer connection and release the microphone. */
  z.object({ requestId: z.string(), callId: z.string(), kind: z.literal('close') }).strict(),
]);
export type MediaRequest = z.infer<typeof mediaRequestSchema>;
export type MediaRequestKind = MediaRequest['kind'];

const callIdRequest = z.object({ callId: z.string().min(1).max(256) }).strict();
/** A dial string (digits, star, hash, plus) or a sip: URI. */
const dialTargetSchema = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .regex(/^(sips?:[^\s@]+@[^\s@]+|[\w.+*#-]+)$/, 'Dial a number (digits, *, #, +) or a sip: URI');
const emptyRequest = z.object({}).strict();
const callReply = callViewSchema;

const agentOnly = ['agent'] as const;

export const softphoneMethods = {
  getSoftphoneSettings: defineMethod({
    summary: 'Account settings without the password (passwordSet says whether one is stored).',
    request: emptyRequest,
    reply: softphoneSettingsViewSchema,
    roles: ['agent', 'admin'],
  }),
  saveSoftphoneSettings: defineMethod({
    summary: 'Save account settings (password encrypted at rest) and re-register with them.',
    request: saveSoftphoneSettingsSchema,
    reply: softphoneSettingsViewSchema,
    roles: ['agent', 'admin'],
    audit: { action: 'settings.change' }, // S-6
  }),
  getSoftphoneState: defineMethod({
    summary: 'Registration status and the calls in progress (for a renderer that just loaded).',
    request: emptyRequest,
    reply: softphoneStateSchema,
    roles: everyRole,
  }),
  register: defineMethod({
    summary: 'Connect and register with the saved account (also clears an auth failure to retry).',
    request: emptyRequest,
    reply: registrationStatusSchema,
    roles: agentOnly,
  }),
  unregister: defineMethod({
    summary: 'Unregister and disconnect; no retries until register is called again.',
    request: emptyRequest,
    reply: registrationStatusSchema,
    roles: agentOnly,
  }),
  answerCall: defineMethod({
    summary: 'Answer a ringing call; a call in progress is put on hold first (call waiting).',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  declineCall: defineMethod({
    summary: 'Decline a ringing call with the configured code (603 or 486).',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  hangUp: defineMethod({
    summary: 'End a call: BYE when answered, CANCEL when still dialing.',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  holdCall: defineMethod({
    summary: 'Put an answered call on hold (re-INVITE, sent only after our 200 OK was ACKed). S-2',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  resumeCall: defineMethod({
    summary: 'Take a held call off hold (re-INVITE).',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  muteCall: defineMethod({
    summary: 'Mute the microphone for a call (local only).',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  unmuteCall: defineMethod({
    summary: 'Unmute the microphone for a call.',
    request: callIdRequest,
    reply: callReply,
    roles: agentOnly,
  }),
  sendDtmf: defineMethod({
    summary: 'Send keypad tones on an answered call (RFC 4733 or SIP INFO, per settings).',
    request: z
      .object({ callId: z.string().min(1).max(256), tones: z.string().regex(/^[0-9A-Da-d*#]{1,32}$/, 'Tones are 0-9, A-D, * and #') })
      .strict(),
    reply: callReply,
    roles: agentOnly,
  }),
  blindTransfer: defineMethod({
    summary: 'Transfer an answered call to a number or URI (REFER); our leg ends when it is answered.',
    request: z.object({ callId: z.string().min(1).max(256), target: dialTargetSchema }).strict(),
    reply: callReply,
    roles: agentOnly,
  }),
  startConsultCall: defineMethod({
    summary: 'Attended transfer, step 1: hold the call and dial the transfer target; returns the consult call.',
    request: z.object({ callId: z.string().min(1).max(256), target: dialTargetSchema }).strict(),
    reply: callReply,
    roles: agentOnly,
  }),
  completeAttendedTransfer: defineMethod({
    summary: 'Attended transfer, step 2: join the caller to the consulted party (REFER with Replaces).',
    request: z.object({ callId: z.string().min(1).max(256), consultCallId: z.string().min(1).max(256) }).strict(),
    reply: callReply,
    roles: agentOnly,
  }),
  dial: defineMethod({
    summary: 'Place an outgoing call to a number or sip: URI (dial pad, keyboard, click to dial).',
    request: z.object({ target: dialTargetSchema }).strict(),
    reply: callReply,
    roles: agentOnly,
  }),
  getCallLists: defineMethod({
    summary: 'Missed and declined calls (separate lists) and the unseen-missed badge count.',
    request: emptyRequest,
    reply: callListsSchema,
    roles: agentOnly,
  }),
  markMissedCallsSeen: defineMethod({
    summary: 'The agent has looked at the missed list: clears the badge.',
    request: emptyRequest,
    reply: callListsSchema,
    roles: agentOnly,
  }),
  completeMediaRequest: defineMethod({
    summary: 'The renderer reports the result of an onMediaRequest: sdp for create*, error on failure.',
    request: z
      .object({
        requestId: z.string().min(1).max(128),
        sdp: z.string().max(100_000).optional(),
        error: z.string().max(2000).optional(),
      })
      .strict(),
    reply: z.object({ accepted: z.boolean() }).strict(),
    roles: everyRole,
  }),
  reattachMedia: defineMethod({
    summary: 'A renderer (re)loaded: renegotiate audio for every answered call (re-INVITE, ICE restart).',
    request: emptyRequest,
    reply: z.object({ renegotiated: z.number().int().nonnegative() }).strict(),
    roles: everyRole,
  }),
};

export const softphoneEvents = {
  /** Registration status changed (role "status", label "Phone status" in the UI). */
  onRegistrationChanged: registrationStatusSchema,
  /** A call's state changed (new, ringing, answered, held, muted, transfer progress, ended). */
  onCallUpdated: callViewSchema,
  /** A timestamped call event (offered, ringing, answered, held, …, ended with cause and party). */
  onCallEvent: callEventSchema,
  /** The main process asks the renderer's RTCPeerConnection to do something (see mediaRequestSchema). */
  onMediaRequest: mediaRequestSchema,
  /** The missed/declined lists or the unseen-missed badge changed. */
  onCallListsChanged: callListsSchema,
  /** An incoming call was refused with 488 on arrival (never rang): the agent is told why. */
  onCallRefused: z.object({ remote: remotePartySchema, reason: offerRefusalSchema, atWall: z.number() }).strict(),
};
