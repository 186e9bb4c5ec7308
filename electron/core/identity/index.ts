// Identity: accounts, sign-in, sessions per connection, lock, and the desk's agent (hot-desking).
// createIdentity() → { handlers, close } plus connect(), the per-connection door both hosts use.
import type { IdentitySettings } from '../../../shared/contract/identity';
import { auditEntry, type AuditLog } from '../audit';
import type { Dispatch } from '../kernel/dispatcher';
import type { Feature, Kernel } from '../kernel/feature';
import type { Desk } from '../kernel/desk';
import type { SecretStore } from '../softphone/ports';
import { openConnection, type ConnectionOptions, type ContractConnection } from './connection';
import { identityHandlers, type IdentityHandlers } from './identityHandlers';
import { People } from './people';
import { phonePasswordSecret, type IdentityPorts, type StoredPhoneAccount } from './ports';
import { createSessionOperations } from './sessionOperations';
import { Sessions } from './sessions';

export type { ConnectionOptions, ContractConnection } from './connection';

export const idleLockSettingKey = 'identity.idleLockMinutes';
export const defaultIdleLockMinutes = 15;

export interface IdentityFeature extends Feature<keyof IdentityHandlers> {
  /** The per-connection door: `send` receives this connection's events (already viewed for its person). */
  connect(dispatch: Dispatch, send: (event: string, payload: unknown) => void, options?: ConnectionOptions): ContractConnection;
  /** First start: the one-time code the host prints so whoever started it can create the first admin; null once set up. */
  setupCode(): Promise<string | null>;
  /** The phone account of `userId` with its password, for the softphone to register as them (hot-desking). */
  phoneAccountOf(userId: string): Promise<(StoredPhoneAccount & { password: string; displayName: string }) | null>;
}

export async function createIdentity(kernel: Kernel & { desk: Desk }, ports: IdentityPorts & { audit: AuditLog }, needs: { secrets: SecretStore }): Promise<IdentityFeature> {
  const { clock, settings, logger } = kernel;
  const idleLockMinutes = () => {
    const value = settings.get<unknown>(idleLockSettingKey, defaultIdleLockMinutes);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 480 ? value : defaultIdleLockMinutes;
  };
  const sessions = new Sessions({ people: ports.people, passwords: ports.passwords, clock, audit: ports.audit, logger, desk: kernel.desk, randomToken: ports.randomToken, idleLockMinutes });
  const people = new People({
    repository: ports.people,
    passwords: ports.passwords,
    secrets: needs.secrets,
    clock,
    personChanged: (person, passwordChanged) => void sessions.personChanged(person, passwordChanged).then(() => kernel.desk.refresh(person.userId)).catch((error: unknown) => logger.error('Could not apply a person\'s change to their sessions', { error: String(error) })),
  });
  const setupCode = (await sessions.setupRequired()) ? ports.randomToken(6) : null;
  const operations = createSessionOperations({ sessions, passwords: ports.passwords, setupCode: () => setupCode });
  const saveSettings = async (next: IdentitySettings, caller: Parameters<IdentityHandlers['saveIdentitySettings']>[1]) => {
    settings.set(idleLockSettingKey, next.idleLockMinutes);
    sessions.idleSettingChanged();
    await ports.audit.record(auditEntry(clock, caller, 'identity.settings', null, { idleLockMinutes: next.idleLockMinutes }));
    return { idleLockMinutes: idleLockMinutes() };
  };
  const handlers = identityHandlers({ people, sessions, idleLockMinutes, saveSettings });

  return {
    handlers,
    connect: (dispatch, send, options) => openConnection({ dispatch, eventHub: kernel.eventHub, sessions: operations, logger }, send as never, options),
    setupCode: async () => ((await sessions.setupRequired()) ? setupCode : null),
    phoneAccountOf: async (userId) => {
      const person = await ports.people.get(userId);
      if (!person?.phoneAccount) return null;
      const password = await needs.secrets.get(phonePasswordSecret(person.userId)).catch(() => null);
      return { ...person.phoneAccount, password: password ?? '', displayName: person.displayName };
    },
    close: () => sessions.close(),
  };
}
