// Accounts in the store (migration 008): users + user_roles. A save writes the person, their roles
// and the audit entry in one commit (S-6).
import type { Role } from '../../../../../shared/contract/roles';
import type { PeopleRepository, PersonRecord, StoredPhoneAccount } from '../../../../core/identity/ports';
import type { SqlStatement, Store } from '../../engine/store';
import { auditInsertStatement } from '../audit/auditLogRepository';

type Row = Record<string, unknown>;

export function createPeopleStoreRepository(store: Pick<Store, 'commit' | 'query'>, clock: { wallNow(): number } = { wallNow: () => Date.now() }): PeopleRepository {
  async function read(where: string, params: string[]): Promise<PersonRecord[]> {
    const rows = await store.query(
      `SELECT id, display_name, agent_number, department, status, password_hash, phone_account_json,
        (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles
       FROM users u ${where} ORDER BY user_key`,
      params,
    );
    return rows.map(toPerson);
  }
  return {
    async count() {
      const rows = await store.query('SELECT count(*) AS n FROM users');
      return Number(rows[0]?.n ?? 0);
    },
    list: () => read('', []),
    async get(userId) {
      return (await read('WHERE user_key = ?', [userId.toLowerCase()]))[0] ?? null;
    },
    async save(person, audit) {
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO users (id, display_name, role, created_at, agent_number, department, status, password_hash, phone_account_json, user_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                  agent_number = excluded.agent_number, department = excluded.department, status = excluded.status,
                  password_hash = excluded.password_hash, phone_account_json = excluded.phone_account_json`,
          params: [
            person.userId,
            person.displayName,
            person.roles[0]!,
            Math.round(clock.wallNow()),
            person.agentNumber,
            person.department,
            person.status,
            person.passwordHash,
            person.phoneAccount ? JSON.stringify(person.phoneAccount) : null,
            person.userId.toLowerCase(),
          ],
        },
        { sql: 'DELETE FROM user_roles WHERE user_id = ?', params: [person.userId] },
        ...person.roles.map((role) => ({ sql: 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)', params: [person.userId, role] })),
        auditInsertStatement(audit),
      ];
      await store.commit(statements);
    },
  };
}

const roleOrder: Role[] = ['agent', 'teamLead', 'qa', 'admin'];

function toPerson(row: Row): PersonRecord {
  const roles = String(row.roles ?? '').split(',').filter((r): r is Role => (roleOrder as string[]).includes(r));
  return {
    userId: String(row.id),
    displayName: String(row.display_name),
    agentNumber: String(row.agent_number ?? ''),
    department: String(row.department ?? ''),
    roles: roleOrder.filter((r) => roles.includes(r)),
    status: row.status === 'disabled' ? 'disabled' : 'active',
    passwordHash: typeof row.password_hash === 'string' ? row.password_hash : null,
    phoneAccount: typeof row.phone_account_json === 'string' ? (JSON.parse(row.phone_account_json) as StoredPhoneAccount) : null,
  };
}
