// Contract handlers of identity for the dispatcher. People admin and settings act on the caller.
// The session methods belong to a connection (see connection.ts): called through core.dispatch by
// a trusted in-process caller (tests, the Electron shell) they describe that caller and change nothing.
import { ContractError } from '../../../shared/contract/envelope';
import type { IdentitySettings } from '../../../shared/contract/identity';
import type { CallerContext } from '../kernel/caller';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { People } from './people';
import type { Sessions } from './sessions';

export type IdentityHandlers = Pick<
  ApiHandlers,
  | 'getSession'
  | 'setupFirstAdmin'
  | 'signIn'
  | 'resumeSession'
  | 'signOut'
  | 'lockSession'
  | 'unlockSession'
  | 'listPeople'
  | 'createPerson'
  | 'updatePerson'
  | 'resetPassword'
  | 'setPhoneAccount'
  | 'getIdentitySettings'
  | 'saveIdentitySettings'
>;

const perConnection = (method: string) => () => {
  throw new ContractError('CONFLICT', `${method} acts on a connection's session; open a connection (WebSocket or window) to call it.`);
};

export function identityHandlers(deps: {
  people: People;
  sessions: Sessions;
  idleLockMinutes(): number;
  saveSettings(next: IdentitySettings, caller: CallerContext): Promise<IdentitySettings>;
}): IdentityHandlers {
  const { people } = deps;
  return {
    getSession: (_request, caller) => ({
      state: 'signedIn',
      person: { userId: caller.userId, displayName: caller.userId, agentNumber: '', roles: [caller.role] },
      idleLockMinutes: deps.idleLockMinutes(),
    }),
    setupFirstAdmin: perConnection('setupFirstAdmin'),
    signIn: perConnection('signIn'),
    resumeSession: perConnection('resumeSession'),
    signOut: perConnection('signOut'),
    lockSession: perConnection('lockSession'),
    unlockSession: perConnection('unlockSession'),
    listPeople: () => people.list(),
    createPerson: (request, caller) => people.create(request, caller),
    updatePerson: (request, caller) => people.update(request, caller),
    resetPassword: ({ userId, password }, caller) => people.resetPassword(userId, password, caller),
    setPhoneAccount: ({ userId, account }, caller) => people.setPhoneAccount(userId, account, caller),
    getIdentitySettings: () => ({ idleLockMinutes: deps.idleLockMinutes() }),
    saveIdentitySettings: (request, caller) => deps.saveSettings(request, caller),
  };
}
