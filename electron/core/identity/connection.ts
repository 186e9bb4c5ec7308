// The door for one connection (a browser tab's WebSocket, an Electron window): the caller of every
// request comes from this connection's session, never from a process-wide value. Session methods
// are answered here; everything else needs a signed-in, unlocked session (a locked one may still
// run what the lock screen and a ringing call need) and acts in the role chosen by actingRole().
// Events reach the connection as its session's person may see them (S-6), re-evaluated on every
// event, so signing in, out or locking changes them at once.
import { z } from 'zod';
import { api, isMethodName, type EventName, type MethodName } from '../../../shared/contract/api';
import { ContractError, type Envelope } from '../../../shared/contract/envelope';
import { identityMethods, sessionMethodNames, type SessionMethodName, type SessionView } from '../../../shared/contract/identity';
import { findIllFormedText } from '../../../shared/contract/wellFormedText';
import type { CallerContext } from '../kernel/caller';
import type { Dispatch } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';
import type { Logger } from '../kernel/platformPorts';
import { actingRole, viewingRole } from './actingRole';
import type { Session, SessionConnection } from './sessions';

/** What a locked desk may still do: the phone (answer a ringing call, keep live calls' audio) and the lock screen. */
export const methodsWhileLocked: ReadonlySet<MethodName> = new Set<MethodName>([
  'getAppInfo',
  'getSoftphoneState',
  'answerCall',
  'declineCall',
  'hangUp',
  'muteCall',
  'unmuteCall',
  'holdCall',
  'resumeCall',
  'completeMediaRequest',
  'reattachMedia',
  'reportNetworkChanged',
  'getAgentState',
  'getCallClocks',
  'getClockSettings',
  'getShellNotices',
  'getWorkingCalendar',
  'getIdentitySettings',
  'getAudioDevices',
]);

/**
 * What a page may ask before anyone signs in: the host kind and forced language (the sign-in form's
 * language), and whether the window restarted after a problem (issue 21; no personal data).
 */
export const methodsWithoutSession: ReadonlySet<MethodName> = new Set<MethodName>(['getAppInfo', 'getShellNotices', 'dismissShellNotice']);
/** Who calls those: nobody, with the least sight (S-6). */
const nobody: CallerContext = { role: 'qa', userId: '' };

/** Events a locked desk does not get: customer data (screen pops) and the lists of callers' numbers. */
export const eventsHiddenWhileLocked: ReadonlySet<EventName> = new Set<EventName>(['onScreenPop', 'onCallListsChanged']);

export interface ConnectionOptions {
  /** The Electron app's own window: may create the first admin without the printed setup code. */
  trustedForSetup?: boolean;
}

export interface ContractConnection {
  dispatch(method: unknown, payload: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

export interface SessionOperations {
  run(method: SessionMethodName, request: never, connection: SessionConnection, options: ConnectionOptions): Promise<unknown>;
  touch(session: Session): void;
  detach(session: Session, connection: SessionConnection): void;
  viewer(session: Session | null): CallerContext | null;
}

const isSessionMethod = (method: MethodName): method is SessionMethodName => (sessionMethodNames as readonly string[]).includes(method);

export function openConnection(
  deps: { dispatch: Dispatch; eventHub: EventHub; sessions: SessionOperations; logger: Logger },
  send: (event: EventName, payload: unknown) => void,
  options: ConnectionOptions = {},
): ContractConnection {
  const connection: SessionConnection = {
    session: null,
    sessionChanged: (view: SessionView) => send('onSessionChanged', view),
  };
  const unsubscribe = deps.eventHub.subscribeFor(
    () => (connection.session ? deps.sessions.viewer(connection.session) : null),
    (event, payload) => {
      const session = connection.session;
      if (!session || (session.locked && eventsHiddenWhileLocked.has(event))) return;
      send(event, payload);
    },
  );

  async function runSessionMethod(method: SessionMethodName, payload: unknown): Promise<Envelope<unknown>> {
    const spec = identityMethods[method];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return failure('VALIDATION', `Invalid ${method} request: ${z.prettifyError(parsed.error)}`);
    const illFormed = findIllFormedText(parsed.data);
    if (illFormed !== null) return failure('VALIDATION', `Invalid ${method} request: the text at ${illFormed} is not valid Unicode.`);
    try {
      const value = await deps.sessions.run(method, parsed.data as never, connection, options);
      return { ok: true, value: (spec.reply as z.ZodType).parse(value) };
    } catch (error) {
      if (error instanceof ContractError) return failure(error.code, error.message);
      deps.logger.error(`Session method ${method} failed`, { error: String(error) });
      return failure('INTERNAL', `${method} failed.`);
    }
  }

  return {
    async dispatch(method, payload) {
      if (!isMethodName(method)) return deps.dispatch(method, payload, { role: 'qa', userId: '' });
      if (isSessionMethod(method)) return runSessionMethod(method, payload);
      const session = connection.session;
      if (!session && methodsWithoutSession.has(method)) return deps.dispatch(method, payload, nobody);
      if (!session) return failure('UNAUTHENTICATED', `Sign in first: ${method} needs a signed-in person.`);
      if (session.locked && !methodsWhileLocked.has(method)) {
        return failure('LOCKED', `This desk is locked: ${session.person.displayName} unlocks it to use ${method}.`);
      }
      deps.sessions.touch(session);
      const roles = session.person.roles;
      const role = actingRole(roles, api[method].roles) ?? viewingRole(roles);
      return deps.dispatch(method, payload, { role, userId: session.person.userId });
    },
    close() {
      unsubscribe();
      if (connection.session) deps.sessions.detach(connection.session, connection);
      connection.session = null;
    },
  };
}

function failure(code: ContractError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
