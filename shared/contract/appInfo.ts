// Contract for facts about the running host that the renderer needs at start.
import { z } from 'zod';
import { defineMethod } from './defineMethod';
import { everyRole, roleSchema } from './roles';

export const languageSchema = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof languageSchema>;

export const appInfoSchema = z.object({
  host: z.enum(['electron', 'web']),
  version: z.string(),
  /** Set when the user forced a language (--lang); otherwise the renderer follows the OS/browser. */
  languageOverride: languageSchema.nullable(),
  role: roleSchema,
  userId: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appInfoMethods = {
  getAppInfo: defineMethod({
    summary: 'Host kind, version, forced language and the signed-in role.',
    request: z.object({}).strict(),
    reply: appInfoSchema,
    roles: everyRole,
  }),
};
