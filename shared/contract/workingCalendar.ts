// Contract for the working-day calendar the service-standard time limits are counted on (S-4,
// S-5, S-7): time zone, public holidays, 调休 make-up working days, the callback limit and how
// early a due time counts as "due soon".
import { z } from 'zod';
import { WorkingCalendar } from '../domain/workingCalendar';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'No such date');

export const workingCalendarSettingsSchema = z
  .object({
    timeZone: z.string().min(1).max(64),
    holidays: z.array(isoDateSchema).max(400),
    makeUpDays: z.array(isoDateSchema).max(100),
    /** S-7: callers are called back within this many working hours (default 4). */
    callbackWorkingHours: z.number().int().min(1).max(72),
    /** A due time this close counts as due soon (badge), in minutes (default 60). */
    dueSoonMinutes: z.number().int().min(1).max(24 * 60),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const both = settings.holidays.filter((d) => settings.makeUpDays.includes(d));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['makeUpDays'], message: `A day cannot be both a holiday and a make-up day: ${both.join(', ')}` });
    try {
      new WorkingCalendar({ timeZone: settings.timeZone, holidays: settings.holidays, makeUpDays: settings.makeUpDays });
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: (error as Error).message });
    }
  });
export type WorkingCalendarSettings = z.infer<typeof workingCalendarSettingsSchema>;

export const defaultWorkingCalendarSettings: WorkingCalendarSettings = {
  timeZone: 'Asia/Shanghai',
  holidays: [],
  makeUpDays: [],
  callbackWorkingHours: 4,
  dueSoonMinutes: 60,
};

export const workingCalendarMethods = {
  getWorkingCalendar: defineMethod({
    summary: 'The working-day calendar and limits due times are counted on.',
    request: z.object({}).strict(),
    reply: workingCalendarSettingsSchema,
    roles: everyRole,
  }),
  saveWorkingCalendar: defineMethod({
    summary: 'Change holidays, make-up days, time zone and limits (team lead, admin).',
    request: workingCalendarSettingsSchema,
    reply: workingCalendarSettingsSchema,
    roles: ['teamLead', 'admin'],
    audit: { action: 'settings.change' }, // S-6
  }),
};

export const workingCalendarEvents = {
  onWorkingCalendarChanged: workingCalendarSettingsSchema,
};
