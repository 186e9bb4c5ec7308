// Who may call what: every contract method declares its roles; the main process enforces them.
import { z } from 'zod';

export const roles = ['agent', 'teamLead', 'qa', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const everyRole: readonly Role[] = roles;
