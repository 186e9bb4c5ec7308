// What identity needs from a host: the people store, password hashing, random tokens and the
// secret store that keeps phone-account passwords (never in clear, never returned).
import type { Role } from '../../../shared/contract/roles';
import type { AuditEntry } from '../audit/ports';
import type { SecretStore } from '../softphone/ports';

/** A phone account as stored: its password is only in the SecretStore, under {@link phonePasswordSecret}. */
export interface StoredPhoneAccount {
  server: string;
  sipUri: string;
  authUser: string;
}

/** One account. `passwordHash` is the hasher's self-describing string; null = cannot sign in. */
export interface PersonRecord {
  userId: string;
  displayName: string;
  agentNumber: string;
  department: string;
  roles: Role[];
  status: 'active' | 'disabled';
  passwordHash: string | null;
  phoneAccount: StoredPhoneAccount | null;
}

export interface PeopleRepository {
  count(): Promise<number>;
  list(): Promise<PersonRecord[]>;
  /** By user id, case-insensitively (people type their name as they remember it). */
  get(userId: string): Promise<PersonRecord | null>;
  /** Creates or replaces the account; the audit entry is written in the same commit (S-6). */
  save(person: PersonRecord, audit: AuditEntry): Promise<void>;
}

/** scrypt (node:crypto) in the hosts; tests may pass cheaper parameters. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface IdentityPorts {
  people: PeopleRepository;
  passwords: PasswordHasher;
  /** A fresh unguessable token (session resume tokens, the setup code). */
  randomToken(bytes: number): string;
}

export interface IdentityNeeds {
  /** Where phone-account passwords are kept (the softphone's secret store). */
  secrets: SecretStore;
}

/** The SecretStore name of a person's phone-account password. */
export const phonePasswordSecret = (userId: string) => `phone.account.${userId.toLowerCase()}`;
