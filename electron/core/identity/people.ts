// People admin (admin role): create, change, disable, reset password, set the phone account. Every
// change is audited in the same commit as the change (S-6). Passwords are hashed before they go
// anywhere; a phone account's SIP password goes only to the secret store.
import type { PersonView, SetPhoneAccount } from '../../../shared/contract/identity';
import { ContractError } from '../../../shared/contract/envelope';
import type { Role } from '../../../shared/contract/roles';
import type { Clock } from '../../../shared/domain/clock';
import { auditEntry } from '../audit';
import type { CallerContext } from '../kernel/caller';
import type { SecretStore } from '../softphone/ports';
import { phonePasswordSecret, type PasswordHasher, type PeopleRepository, type PersonRecord } from './ports';

export interface NewPerson {
  userId: string;
  displayName: string;
  agentNumber: string;
  department: string;
  roles: Role[];
  password: string;
}

export interface PersonChanges {
  userId: string;
  displayName?: string;
  agentNumber?: string;
  department?: string;
  roles?: Role[];
  status?: 'active' | 'disabled';
}

export function personView(person: PersonRecord): PersonView {
  return {
    userId: person.userId,
    displayName: person.displayName,
    agentNumber: person.agentNumber,
    department: person.department,
    roles: [...person.roles],
    status: person.status,
    phoneAccount: person.phoneAccount ? { ...person.phoneAccount } : null,
  };
}

export class People {
  constructor(
    private readonly deps: {
      repository: PeopleRepository;
      passwords: PasswordHasher;
      secrets: SecretStore;
      clock: Pick<Clock, 'wallNow'>;
      /** A person's sessions end (password reset, disabled, roles changed). */
      personChanged(person: PersonRecord, passwordChanged: boolean): void;
    },
  ) {}

  async list(): Promise<PersonView[]> {
    return (await this.deps.repository.list()).map(personView);
  }

  async create(input: NewPerson, caller: CallerContext): Promise<PersonView> {
    if (await this.deps.repository.get(input.userId)) throw new ContractError('CONFLICT', `A person named "${input.userId}" already exists.`);
    const person: PersonRecord = {
      userId: input.userId,
      displayName: input.displayName,
      agentNumber: input.agentNumber,
      department: input.department,
      roles: input.roles,
      status: 'active',
      passwordHash: await this.deps.passwords.hash(input.password),
      phoneAccount: null,
    };
    await this.deps.repository.save(person, auditEntry(this.deps.clock, caller, 'people.create', person.userId, { roles: person.roles }));
    return personView(person);
  }

  async update(changes: PersonChanges, caller: CallerContext): Promise<PersonView> {
    const before = await this.existing(changes.userId);
    const { userId: _id, ...fields } = changes;
    const after: PersonRecord = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (caller.userId.toLowerCase() === before.userId.toLowerCase() && (after.status === 'disabled' || !after.roles.includes('admin'))) {
      throw new ContractError('CONFLICT', 'You cannot disable yourself or take away your own admin role; ask another admin.');
    }
    await this.deps.repository.save(after, auditEntry(this.deps.clock, caller, 'people.update', before.userId, { changed: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) }));
    this.deps.personChanged(after, false);
    return personView(after);
  }

  async resetPassword(userId: string, password: string, caller: CallerContext): Promise<PersonView> {
    const before = await this.existing(userId);
    const after = { ...before, passwordHash: await this.deps.passwords.hash(password) };
    await this.deps.repository.save(after, auditEntry(this.deps.clock, caller, 'people.resetPassword', before.userId));
    this.deps.personChanged(after, true);
    return personView(after);
  }

  async setPhoneAccount(userId: string, account: SetPhoneAccount | null, caller: CallerContext): Promise<PersonView> {
    const before = await this.existing(userId);
    // The secret first: if it cannot be stored, the account stays as it was.
    if (account === null || account.password === '') await this.deps.secrets.delete(phonePasswordSecret(before.userId));
    else await this.deps.secrets.set(phonePasswordSecret(before.userId), account.password);
    const after: PersonRecord = { ...before, phoneAccount: account ? { server: account.server, sipUri: account.sipUri, authUser: account.authUser } : null };
    await this.deps.repository.save(after, auditEntry(this.deps.clock, caller, 'people.setPhoneAccount', before.userId, { sipUri: after.phoneAccount?.sipUri ?? null }));
    this.deps.personChanged(after, false);
    return personView(after);
  }

  private async existing(userId: string): Promise<PersonRecord> {
    const person = await this.deps.repository.get(userId);
    if (!person) throw new ContractError('NOT_FOUND', `No person named "${userId}".`);
    return person;
  }
}
