// Version 1: the tables every Deskline feature writes to.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'core tables',
  statements: [
    `CREATE TABLE users (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('agent', 'teamLead', 'qa', 'admin')),
      created_at INTEGER NOT NULL
    )`,
    `CREATE TABLE agent_state_current (
      agent_id TEXT PRIMARY KEY,
      state_json TEXT NOT NULL,
      since_wall INTEGER NOT NULL
    )`,
    `CREATE TABLE agent_state_segments (
      id INTEGER PRIMARY KEY,
      agent_id TEXT NOT NULL,
      state_kind TEXT NOT NULL,
      reason TEXT,
      ended_at INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL
    )`,
    `CREATE INDEX agent_state_segments_agent ON agent_state_segments (agent_id, ended_at)`,
    // Times are wall-clock epoch ms for people and reports; durations come from the monotonic clock.
    `CREATE TABLE calls (
      id TEXT PRIMARY KEY,
      agent_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      remote_number TEXT NOT NULL,
      remote_name TEXT,
      customer_id TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('active', 'answered', 'abandoned', 'missed', 'declined', 'transferred', 'failed')),
      started_at INTEGER NOT NULL,
      answered_at INTEGER,
      ended_at INTEGER,
      ring_count INTEGER,
      time_to_answer_ms INTEGER,
      answered_within_three_rings INTEGER,
      answered_by_second_ring INTEGER,
      hold_ms INTEGER NOT NULL DEFAULT 0,
      talk_ms INTEGER NOT NULL DEFAULT 0,
      wrap_ms INTEGER NOT NULL DEFAULT 0,
      category TEXT,
      disposition TEXT,
      satisfaction INTEGER,
      is_complaint INTEGER NOT NULL DEFAULT 0,
      notes TEXT NOT NULL DEFAULT ''
    )`,
    `CREATE INDEX calls_started ON calls (started_at)`,
    `CREATE INDEX calls_agent_started ON calls (agent_id, started_at)`,
    `CREATE INDEX calls_remote_number ON calls (remote_number)`,
    `CREATE TABLE call_events (
      id INTEGER PRIMARY KEY,
      call_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      at_wall INTEGER NOT NULL,
      at_monotonic REAL,
      detail_json TEXT
    )`,
    `CREATE INDEX call_events_call ON call_events (call_id, id)`,
    `CREATE TABLE note_revisions (
      id INTEGER PRIMARY KEY,
      call_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      text TEXT NOT NULL,
      saved_at INTEGER NOT NULL,
      is_amendment INTEGER NOT NULL DEFAULT 0,
      author_id TEXT NOT NULL,
      UNIQUE (call_id, revision)
    )`,
    `CREATE TABLE customers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      organisation TEXT,
      tags_json TEXT NOT NULL DEFAULT '[]',
      consent INTEGER NOT NULL DEFAULT 0,
      consent_at INTEGER,
      notes TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    `CREATE TABLE customer_numbers (
      customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      number TEXT NOT NULL,
      label TEXT,
      PRIMARY KEY (customer_id, number)
    )`,
    `CREATE INDEX customer_numbers_number ON customer_numbers (number)`,
    // S-4 首问负责制 registration form.
    `CREATE TABLE handoffs (
      id TEXT PRIMARY KEY,
      call_id TEXT,
      customer_id TEXT,
      owner_id TEXT NOT NULL,
      handler TEXT NOT NULL,
      requester_json TEXT NOT NULL,
      matter TEXT NOT NULL,
      status TEXT NOT NULL,
      due_at INTEGER,
      result TEXT,
      result_at INTEGER,
      callback_at INTEGER,
      satisfaction INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    // S-5 complaints, due in 3 working days.
    `CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      call_id TEXT,
      customer_id TEXT,
      channel TEXT NOT NULL,
      cause TEXT,
      is_valid INTEGER,
      status TEXT NOT NULL,
      details TEXT NOT NULL,
      owner_id TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      extended_due_at INTEGER,
      extension_notice_at INTEGER,
      resolved_at INTEGER,
      result TEXT,
      customer_opinion TEXT
    )`,
    `CREATE TABLE scripts (
      id TEXT PRIMARY KEY,
      language TEXT NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      steps_json TEXT NOT NULL,
      built_in INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    )`,
    `CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor_id TEXT NOT NULL,
      actor_role TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      detail_json TEXT
    )`,
    `CREATE TABLE qa_evaluations (
      id TEXT PRIMARY KEY,
      call_id TEXT NOT NULL,
      evaluator_id TEXT NOT NULL,
      score REAL,
      form_json TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`,
  ],
};
