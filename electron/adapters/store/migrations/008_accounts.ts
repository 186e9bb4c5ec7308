// Version 8 (issue 13): accounts. A person holds one or more roles (user_roles), an agent number
// (工号, S-1.4), a department, a status, a password hash (scrypt; never the password) and the
// phone account their desk registers as (its SIP password is in the secret store, not here).
// users.role stays, as the person's first role, for readers of older versions.
import type { Migration } from './migration';

export const migration008: Migration = {
  version: 8,
  name: 'accounts',
  statements: [
    `ALTER TABLE users ADD COLUMN agent_number TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE users ADD COLUMN department TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled'))`,
    `ALTER TABLE users ADD COLUMN password_hash TEXT`,
    `ALTER TABLE users ADD COLUMN phone_account_json TEXT`,
    `ALTER TABLE users ADD COLUMN user_key TEXT`,
    `UPDATE users SET user_key = lower(id)`,
    // Sign-in names are case-insensitive: "Li" and "li" are one person.
    `CREATE UNIQUE INDEX users_user_key ON users (user_key)`,
    `CREATE TABLE user_roles (
      user_id TEXT NOT NULL REFERENCES users (id),
      role TEXT NOT NULL CHECK (role IN ('agent', 'teamLead', 'qa', 'admin')),
      PRIMARY KEY (user_id, role)
    )`,
    `INSERT INTO user_roles (user_id, role) SELECT id, role FROM users`,
  ],
};
