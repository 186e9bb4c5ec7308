// Sessions: who is signed in on which connection. A session belongs to one person; connections
// (a browser tab's WebSocket, an Electron window) attach to it by signing in or by its resume
// token (a reloaded page). Sign-out ends it on every connection; it locks after the idle time or
// on demand and only the same person unlocks it. Sign-ins, failures, locks and unlocks are audited.
import type { SessionView } from '../../../shared/contract/identity';
import { ContractError } from '../../../shared/contract/envelope';
import type { Role } from '../../../shared/contract/roles';
import type { Clock, TimerHandle } from '../../../shared/domain/clock';
import { auditEntry, type AuditLog } from '../audit';
import type { CallerContext } from '../kernel/caller';
import type { Desk } from '../kernel/desk';
import type { Logger } from '../kernel/platformPorts';
import { viewingRole } from './actingRole';
import type { PasswordHasher, PeopleRepository, PersonRecord } from './ports';
import { SignInThrottle } from './signInThrottle';

/** One attached connection as the sessions see it. */
export interface SessionConnection {
  session: Session | null;
  /** Called when this connection's session changed (signed out elsewhere, locked by idle time). */
  sessionChanged(view: SessionView): void;
}

export interface Session {
  readonly token: string;
  person: PersonRecord;
  locked: boolean;
  lastActivity: number;
  readonly signedInAt: number;
  readonly connections: Set<SessionConnection>;
  idleTimer: TimerHandle | null;
}

/** A session with no connection left (tab closed) is forgotten after this long. */
export const orphanSessionMs = 10 * 60_000;

export interface SessionsDeps {
  people: PeopleRepository;
  passwords: PasswordHasher;
  clock: Clock;
  audit: AuditLog;
  logger: Logger;
  desk: Desk;
  randomToken(bytes: number): string;
  idleLockMinutes(): number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();
  private readonly throttle: SignInThrottle;
  private setupDone: boolean | null = null;
  private dummyHash: Promise<string> | null = null;

  constructor(private readonly deps: SessionsDeps) {
    this.throttle = new SignInThrottle(deps.clock);
  }

  /** True until the first account exists. */
  async setupRequired(): Promise<boolean> {
    if (this.setupDone !== true) this.setupDone = (await this.deps.people.count()) > 0;
    return !this.setupDone;
  }

  async view(session: Session | null): Promise<SessionView> {
    const idleLockMinutes = this.deps.idleLockMinutes();
    if (!session) return { state: (await this.setupRequired()) ? 'setupRequired' : 'signedOut', person: null, idleLockMinutes };
    const { userId, displayName, agentNumber, roles } = session.person;
    return { state: session.locked ? 'locked' : 'signedIn', person: { userId, displayName, agentNumber, roles: [...roles] }, idleLockMinutes };
  }

  /** The caller a session's events are viewed as (S-6), or null when nobody is signed in. */
  viewer(session: Session | null): CallerContext | null {
    return session ? { role: viewingRole(session.person.roles), userId: session.person.userId } : null;
  }

  /** First start: creates the first admin. `codeChecked`: the caller proved it may (setup code or a trusted window). */
  async createFirstAdmin(person: PersonRecord, connection: SessionConnection): Promise<Session> {
    if (!(await this.setupRequired())) throw new ContractError('CONFLICT', 'Deskline is already set up; sign in instead.');
    const actor: CallerContext = { role: 'admin', userId: person.userId };
    await this.deps.people.save(person, auditEntry(this.deps.clock, actor, 'identity.setup', person.userId));
    this.setupDone = true;
    return this.open(person, connection);
  }

  async signIn(user: string, password: string, connection: SessionConnection): Promise<Session> {
    if (await this.setupRequired()) throw new ContractError('CONFLICT', 'No account exists yet: set up the first admin first.');
    this.refuseWhileThrottled(user);
    const person = await this.deps.people.get(user);
    // An unknown name costs the same hash as a known one, so timing does not tell names apart.
    const hash = person?.passwordHash ?? (await (this.dummyHash ??= this.deps.passwords.hash('not a password of anyone')));
    const matches = await this.deps.passwords.verify(password, hash);
    if (!person || !person.passwordHash || !matches || person.status !== 'active') {
      const delayMs = this.throttle.failed(user);
      const actor: CallerContext = { role: person?.roles[0] ?? 'agent', userId: person?.userId ?? user };
      await this.deps.audit.record(auditEntry(this.deps.clock, actor, 'identity.signInFailed', actor.userId, { known: person !== null, disabled: person?.status === 'disabled' }));
      const wait = delayMs > 0 ? ` Wait ${Math.ceil(delayMs / 1000)} s before the next try.` : '';
      throw new ContractError('UNAUTHENTICATED', `Wrong user or password, or the account is disabled.${wait}`);
    }
    this.throttle.succeeded(user);
    return this.open(person, connection);
  }

  resume(token: string, connection: SessionConnection): Session {
    const session = this.byToken.get(token);
    if (!session) throw new ContractError('UNAUTHENTICATED', 'That session has ended; sign in again.');
    this.attach(session, connection);
    return session;
  }

  async signOut(session: Session, reason: 'signOut' | 'ended' = 'signOut'): Promise<void> {
    if (!this.byToken.delete(session.token)) return;
    if (session.idleTimer) this.deps.clock.clearTimer(session.idleTimer);
    const connections = [...session.connections];
    session.connections.clear();
    this.updateDesk();
    await this.deps.audit.record(auditEntry(this.deps.clock, this.actor(session), reason === 'signOut' ? 'identity.signOut' : 'identity.sessionEnded', session.person.userId));
    const view = await this.view(null);
    for (const connection of connections) {
      connection.session = null;
      connection.sessionChanged(view);
    }
  }

  async lock(session: Session, reason: 'onDemand' | 'idle'): Promise<void> {
    if (session.locked) return;
    session.locked = true;
    await this.deps.audit.record(auditEntry(this.deps.clock, this.actor(session), 'identity.lock', session.person.userId, { reason }));
    await this.notify(session);
  }

  /** Only the session's own person unlocks it: the password is checked against their account. */
  async unlock(session: Session, password: string): Promise<void> {
    const name = session.person.userId;
    this.refuseWhileThrottled(name);
    const person = await this.deps.people.get(name);
    const matches = person?.passwordHash ? await this.deps.passwords.verify(password, person.passwordHash) : false;
    if (!person || !matches || person.status !== 'active') {
      const delayMs = this.throttle.failed(name);
      await this.deps.audit.record(auditEntry(this.deps.clock, this.actor(session), 'identity.unlockFailed', name));
      const wait = delayMs > 0 ? ` Wait ${Math.ceil(delayMs / 1000)} s before the next try.` : '';
      throw new ContractError('UNAUTHENTICATED', `Wrong password: only ${session.person.displayName} can unlock this desk.${wait}`);
    }
    this.throttle.succeeded(name);
    session.person = person;
    session.locked = false;
    this.touch(session);
    await this.deps.audit.record(auditEntry(this.deps.clock, this.actor(session), 'identity.unlock', name));
    await this.notify(session);
  }

  /** A request from the session: it counts as activity for the idle lock. */
  touch(session: Session): void {
    session.lastActivity = this.deps.clock.monotonicNow();
    if (session.idleTimer === null) this.scheduleIdleLock(session);
  }

  detach(session: Session, connection: SessionConnection): void {
    session.connections.delete(connection);
    if (session.connections.size > 0) return;
    // A reload re-attaches within seconds; a closed tab's session goes after a while.
    this.deps.clock.setTimer(() => {
      if (session.connections.size === 0 && this.byToken.get(session.token) === session) void this.signOut(session, 'ended');
    }, orphanSessionMs);
  }

  /** An admin changed a person: a disabled person or a new password ends their sessions; new roles apply now. */
  async personChanged(person: PersonRecord, passwordChanged: boolean): Promise<void> {
    for (const session of [...this.byToken.values()]) {
      if (session.person.userId.toLowerCase() !== person.userId.toLowerCase()) continue;
      if (passwordChanged || person.status !== 'active') await this.signOut(session, 'ended');
      else {
        session.person = person;
        this.updateDesk();
        await this.notify(session);
      }
    }
  }

  /** The idle-lock setting changed: every session's timer follows it. */
  idleSettingChanged(): void {
    for (const session of this.byToken.values()) {
      if (session.idleTimer) this.deps.clock.clearTimer(session.idleTimer);
      session.idleTimer = null;
      this.scheduleIdleLock(session);
    }
  }

  close(): void {
    for (const session of this.byToken.values()) if (session.idleTimer) this.deps.clock.clearTimer(session.idleTimer);
    this.byToken.clear();
  }

  private async open(person: PersonRecord, connection: SessionConnection): Promise<Session> {
    const now = this.deps.clock.monotonicNow();
    const session: Session = { token: this.deps.randomToken(32), person, locked: false, lastActivity: now, signedInAt: now, connections: new Set(), idleTimer: null };
    this.byToken.set(session.token, session);
    this.attach(session, connection);
    this.scheduleIdleLock(session);
    this.updateDesk();
    await this.deps.audit.record(auditEntry(this.deps.clock, this.actor(session), 'identity.signIn', person.userId));
    return session;
  }

  private attach(session: Session, connection: SessionConnection): void {
    const previous = connection.session;
    if (previous && previous !== session) this.detach(previous, connection);
    connection.session = session;
    session.connections.add(connection);
  }

  private scheduleIdleLock(session: Session): void {
    const idleMs = this.deps.idleLockMinutes() * 60_000;
    if (idleMs <= 0 || session.locked) return;
    const dueIn = session.lastActivity + idleMs - this.deps.clock.monotonicNow();
    session.idleTimer = this.deps.clock.setTimer(() => {
      session.idleTimer = null;
      if (this.byToken.get(session.token) !== session || session.locked) return;
      if (this.deps.clock.monotonicNow() - session.lastActivity >= idleMs) {
        void this.lock(session, 'idle').catch((error: unknown) => this.deps.logger.error('Could not lock an idle session', { error: String(error) }));
      } else this.scheduleIdleLock(session);
    }, Math.max(0, dueIn));
  }

  private async notify(session: Session): Promise<void> {
    const view = await this.view(session);
    for (const connection of session.connections) connection.sessionChanged(view);
  }

  private refuseWhileThrottled(name: string): void {
    const waitMs = this.throttle.waitMs(name);
    if (waitMs > 0) throw new ContractError('RATE_LIMITED', `Too many failed tries: wait ${Math.ceil(waitMs / 1000)} s before signing in again.`);
  }

  /** The desk's phone belongs to the agent who signed in last and is still signed in (hot-desking). */
  private updateDesk(): void {
    const agents = [...this.byToken.values()].filter((s) => s.person.roles.includes('agent')).sort((a, b) => b.signedInAt - a.signedInAt);
    const agent = agents[0];
    this.deps.desk.set(agent ? { role: 'agent' as Role, userId: agent.person.userId } : null);
  }

  private actor(session: Session): CallerContext {
    return { role: viewingRole(session.person.roles), userId: session.person.userId };
  }
}
