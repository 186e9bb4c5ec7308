// Contract for the local database's health, backups and restores.
import { z } from 'zod';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

export const storeStatusSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  lastSnapshotSeq: z.number().int().nonnegative().nullable(),
  /** What start-up found wrong and what it did (damaged files moved aside, torn writes cut). */
  recoveryProblems: z.array(z.string()),
  recordsReplayed: z.number().int().nonnegative(),
  /** Other things the user should know from start-up, e.g. that a staged restore was applied. */
  notices: z.array(z.string()),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;

export const backupInfoSchema = z.object({
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** Backup files live in <data-dir>/backups; names only, never paths, cross the contract. */
export const backupFileNameSchema = z.string().max(200).regex(/^deskline-[\w.-]+\.sqlite$/, 'a backup file name like deskline-2026-11-23T10-00-00.sqlite');

export const dataStoreMethods = {
  getStoreStatus: defineMethod({
    summary: 'Journal position, last snapshot, and what start-up recovered.',
    request: z.object({}).strict(),
    reply: storeStatusSchema,
    roles: everyRole,
  }),
  backupNow: defineMethod({
    summary: 'Write a consistent backup (a plain SQLite file) to the backups folder (S-6: protected by backups).',
    request: z.object({}).strict(),
    reply: backupInfoSchema,
    roles: ['teamLead', 'admin'],
    audit: { action: 'backup.create', subject: (_request, reply) => reply.fileName, detail: (_request, reply) => ({ bytes: reply.bytes }) }, // S-6
  }),
  listBackups: defineMethod({
    summary: 'Backups in the backups folder, newest first.',
    request: z.object({}).strict(),
    reply: z.array(backupInfoSchema),
    roles: ['teamLead', 'admin'],
  }),
  stageRestore: defineMethod({
    summary: 'Check a backup and restore it at the next start (the current data is kept aside).',
    request: z.object({ fileName: backupFileNameSchema }).strict(),
    reply: z.object({ message: z.string() }),
    roles: ['admin'],
    audit: { action: 'restore.stage', subject: (request) => request.fileName, detail: () => null }, // S-6
  }),
};
