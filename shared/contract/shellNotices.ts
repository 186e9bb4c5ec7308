// Contract for what the desktop shell did behind the agent's back that the page must tell them
// (issue 21): the window was restarted after its renderer crashed or hung. The web host has no
// such shell and always answers "no notices".
import { z } from 'zod';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

/**
 * Why the window was restarted: Electron's documented 'render-process-gone' reasons
 * (RenderProcessGoneDetails.reason), `unresponsive` for a hang the shell ended, `unknown` for a
 * reason a newer Electron added.
 */
export const windowRestartReasons = [
  'clean-exit',
  'abnormal-exit',
  'killed',
  'crashed',
  'oom',
  'launch-failed',
  'integrity-failure',
  'memory-eviction',
  'unresponsive',
  'unknown',
] as const;
export const windowRestartReasonSchema = z.enum(windowRestartReasons);
export type WindowRestartReason = z.infer<typeof windowRestartReasonSchema>;

export const shellNoticesSchema = z
  .object({
    windowRestarted: z
      .object({
        /** Wall-clock epoch ms of the (last) restart. */
        atWall: z.number(),
        reason: windowRestartReasonSchema,
        /** Calls are up now (asked when the notice is read): "your call is still up". */
        callsUp: z.boolean(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type ShellNotices = z.infer<typeof shellNoticesSchema>;

export const shellNoticeMethods = {
  getShellNotices: defineMethod({
    summary: 'What the desktop shell must tell the agent: the window was restarted after a crash or hang.',
    request: z.object({}).strict(),
    reply: shellNoticesSchema,
    roles: everyRole,
  }),
  dismissShellNotice: defineMethod({
    summary: 'The agent has read a shell notice; it is not shown again.',
    request: z.object({ notice: z.literal('windowRestarted') }).strict(),
    reply: shellNoticesSchema,
    roles: everyRole,
  }),
};
