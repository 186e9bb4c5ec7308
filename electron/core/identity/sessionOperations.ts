// The session methods as one connection runs them: first-admin setup (the one-time code, or the
// Electron app's own window), sign-in, resume, sign-out, lock and unlock.
import { timingSafeEqualText } from '../../../shared/domain/timingSafeText';
import { ContractError } from '../../../shared/contract/envelope';
import type { SessionMethodName } from '../../../shared/contract/identity';
import type { ConnectionOptions, SessionOperations } from './connection';
import type { PasswordHasher } from './ports';
import type { Session, SessionConnection, Sessions } from './sessions';

export function createSessionOperations(deps: { sessions: Sessions; passwords: PasswordHasher; setupCode(): string | null }): SessionOperations {
  const { sessions } = deps;
  const signedIn = async (session: Session) => ({ session: await sessions.view(session), resumeToken: session.token });
  const current = (connection: SessionConnection): Session => {
    if (!connection.session) throw new ContractError('UNAUTHENTICATED', 'Nobody is signed in on this connection.');
    return connection.session;
  };

  const run = async (method: SessionMethodName, request: Record<string, string>, connection: SessionConnection, options: ConnectionOptions): Promise<unknown> => {
    switch (method) {
      case 'getSession':
        return sessions.view(connection.session);
      case 'setupFirstAdmin': {
        const code = deps.setupCode();
        if (!options.trustedForSetup && (code === null || !timingSafeEqualText(request.setupCode!, code))) {
          throw new ContractError('FORBIDDEN', 'Wrong setup code: use the one-time code the host printed when it started.');
        }
        const session = await sessions.createFirstAdmin(
          {
            userId: request.user!,
            displayName: request.displayName!,
            agentNumber: '',
            department: '',
            roles: ['admin'],
            status: 'active',
            passwordHash: await deps.passwords.hash(request.password!),
            phoneAccount: null,
          },
          connection,
        );
        return signedIn(session);
      }
      case 'signIn':
        return signedIn(await sessions.signIn(request.user!, request.password!, connection));
      case 'resumeSession':
        return sessions.view(sessions.resume(request.resumeToken!, connection));
      case 'signOut': {
        if (connection.session) await sessions.signOut(connection.session);
        return sessions.view(null);
      }
      case 'lockSession': {
        const session = current(connection);
        await sessions.lock(session, 'onDemand');
        return sessions.view(session);
      }
      case 'unlockSession': {
        const session = current(connection);
        if (session.locked) await sessions.unlock(session, request.password!);
        return sessions.view(session);
      }
    }
  };

  return {
    run: run as SessionOperations['run'],
    touch: (session) => sessions.touch(session),
    detach: (session, connection) => sessions.detach(session, connection),
    viewer: (session) => sessions.viewer(session),
  };
}
