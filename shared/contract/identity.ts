// Contract for identity: the session of one connection (first-admin setup, sign-in, sign-out,
// lock, unlock), the people an admin manages, and the identity settings. Passwords travel only in
// requests; no reply, event or log ever carries one.
import { z } from 'zod';
import { defineMethod } from './defineMethod';
import { everyRole, roleSchema, type Role } from './roles';

const adminOnly: readonly Role[] = ['admin'];

/** A sign-in name: letters, digits and . _ - (what people type on a shared desk). */
export const userIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'a user name holds letters, digits, ".", "_" or "-" only');

/** A password as typed. Never returned, logged or sent in an event. */
export const passwordSchema = z.string().min(8, 'a password has at least 8 characters').max(256);
/** What is typed at sign-in: any length, the check is the hash (a short one simply fails). */
const typedPasswordSchema = z.string().min(1).max(256);

const displayNameSchema = z.string().trim().min(1).max(80);
/** 工号: the agent number the greeting says (S-1.4); empty for people who take no calls. */
const agentNumberSchema = z.string().trim().max(20);
const departmentSchema = z.string().trim().max(80);
export const personStatusSchema = z.enum(['active', 'disabled']);
export const personRolesSchema = z.array(roleSchema).min(1).max(4).refine((r) => new Set(r).size === r.length, 'roles must not repeat');

/** The phone account an admin sets once per person (hot-desking): SIP password only in requests. */
export const phoneAccountViewSchema = z
  .object({
    /** WebSocket URL of the SIP server (wss:// or ws://). */
    server: z.string(),
    sipUri: z.string(),
    authUser: z.string(),
  })
  .strict();

export const setPhoneAccountSchema = z
  .object({
    server: z.string().trim().min(1).max(300).regex(/^wss?:\/\//, 'the server is a ws:// or wss:// URL'),
    sipUri: z.string().trim().min(1).max(300).regex(/^sips?:/, 'a SIP URI starts with sip: or sips:'),
    authUser: z.string().trim().max(128),
    password: z.string().max(256),
  })
  .strict();
export type SetPhoneAccount = z.infer<typeof setPhoneAccountSchema>;

/** One person as an admin sees them. */
export const personViewSchema = z
  .object({
    userId: z.string(),
    displayName: z.string(),
    agentNumber: z.string(),
    department: z.string(),
    roles: z.array(roleSchema),
    status: personStatusSchema,
    /** The phone account without its password, or null when none is set. */
    phoneAccount: phoneAccountViewSchema.nullable(),
  })
  .strict();
export type PersonView = z.infer<typeof personViewSchema>;

/** The person a session belongs to, as the session itself sees them. */
export const sessionPersonSchema = z
  .object({ userId: z.string(), displayName: z.string(), agentNumber: z.string(), roles: z.array(roleSchema) })
  .strict();

/**
 * The state of the calling connection's session: `setupRequired` (no account exists yet: the
 * first admin must be created), `signedOut`, `signedIn`, or `locked` (same person, desk hidden).
 */
export const sessionViewSchema = z
  .object({
    state: z.enum(['setupRequired', 'signedOut', 'signedIn', 'locked']),
    person: sessionPersonSchema.nullable(),
    /** Minutes without a request before the session locks; 0 = never. */
    idleLockMinutes: z.number().int().nonnegative(),
  })
  .strict();
export type SessionView = z.infer<typeof sessionViewSchema>;

/** A sign-in's reply: the session, and the token that re-attaches a reloaded page or a reconnected socket to it. */
export const signedInSchema = z
  .object({
    session: sessionViewSchema,
    /** Opaque; keep it per tab (sessionStorage) and give it to resumeSession after a reconnect. */
    resumeToken: z.string(),
  })
  .strict();

export const identitySettingsSchema = z
  .object({
    /** Lock a session after this many minutes without a request; 0 = never (max 8 hours). */
    idleLockMinutes: z.number().int().min(0).max(480),
  })
  .strict();
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

const newPersonSchema = z
  .object({
    userId: userIdSchema,
    displayName: displayNameSchema,
    agentNumber: agentNumberSchema.default(''),
    department: departmentSchema.default(''),
    roles: personRolesSchema,
    password: passwordSchema,
  })
  .strict();

export const identityMethods = {
  getSession: defineMethod({
    summary: 'The state of this connection\'s session (setup required, signed out, signed in, locked).',
    request: z.object({}).strict(),
    reply: sessionViewSchema,
    roles: everyRole,
  }),
  setupFirstAdmin: defineMethod({
    summary: 'First start only: create the first admin with the one-time setup code the host printed, and sign in.',
    request: z.object({ setupCode: z.string().trim().min(1).max(64), user: userIdSchema, displayName: displayNameSchema, password: passwordSchema }).strict(),
    reply: signedInSchema,
    roles: everyRole,
  }),
  signIn: defineMethod({
    summary: 'Sign this connection in; repeated failures wait longer and longer (RATE_LIMITED).',
    request: z.object({ user: z.string().trim().min(1).max(64), password: typedPasswordSchema }).strict(),
    reply: signedInSchema,
    roles: everyRole,
  }),
  resumeSession: defineMethod({
    summary: 'Attach this connection to a session still open (a reloaded page, a reconnected socket).',
    request: z.object({ resumeToken: z.string().min(1).max(128) }).strict(),
    reply: sessionViewSchema,
    roles: everyRole,
  }),
  signOut: defineMethod({
    summary: 'End this session: every connection attached to it is signed out.',
    request: z.object({}).strict(),
    reply: sessionViewSchema,
    roles: everyRole,
  }),
  lockSession: defineMethod({
    summary: 'Lock the desk now: calls still ring, notes and customer data are hidden until the same person unlocks.',
    request: z.object({}).strict(),
    reply: sessionViewSchema,
    roles: everyRole,
  }),
  unlockSession: defineMethod({
    summary: 'Unlock with the signed-in person\'s password (only that person can unlock).',
    request: z.object({ password: typedPasswordSchema }).strict(),
    reply: sessionViewSchema,
    roles: everyRole,
  }),
  listPeople: defineMethod({
    summary: 'Every account (admin).',
    request: z.object({}).strict(),
    reply: z.array(personViewSchema),
    roles: adminOnly,
  }),
  createPerson: defineMethod({
    summary: 'Create an account with its roles and first password (admin). Audited.',
    request: newPersonSchema,
    reply: personViewSchema,
    roles: adminOnly,
  }),
  updatePerson: defineMethod({
    summary: 'Change a person\'s name, agent number (工号), department, roles or status (admin). Audited.',
    request: z
      .object({
        userId: userIdSchema,
        displayName: displayNameSchema.optional(),
        agentNumber: agentNumberSchema.optional(),
        department: departmentSchema.optional(),
        roles: personRolesSchema.optional(),
        status: personStatusSchema.optional(),
      })
      .strict(),
    reply: personViewSchema,
    roles: adminOnly,
  }),
  resetPassword: defineMethod({
    summary: 'Set a new password for a person (admin); their open sessions end. Audited.',
    request: z.object({ userId: userIdSchema, password: passwordSchema }).strict(),
    reply: personViewSchema,
    roles: adminOnly,
  }),
  setPhoneAccount: defineMethod({
    summary: 'Set (or clear, with null) the phone account a person\'s desk registers as (admin). Audited.',
    request: z.object({ userId: userIdSchema, account: setPhoneAccountSchema.nullable() }).strict(),
    reply: personViewSchema,
    roles: adminOnly,
  }),
  getIdentitySettings: defineMethod({
    summary: 'The idle-lock time.',
    request: z.object({}).strict(),
    reply: identitySettingsSchema,
    roles: everyRole,
  }),
  saveIdentitySettings: defineMethod({
    summary: 'Set the idle-lock time (admin). Audited.',
    request: identitySettingsSchema,
    reply: identitySettingsSchema,
    roles: adminOnly,
  }),
};

/** The methods that act on the calling connection's own session (answered before any role check). */
export const sessionMethodNames = ['getSession', 'setupFirstAdmin', 'signIn', 'resumeSession', 'signOut', 'lockSession', 'unlockSession'] as const;
export type SessionMethodName = (typeof sessionMethodNames)[number];

export const identityEvents = {
  /** This connection's session changed (signed in, out, locked, unlocked): sent to that connection only. */
  onSessionChanged: sessionViewSchema,
};
