// Who may call what: every contract method declares its roles; the main process enforces them.
import { z } from 'zod';

export const roles = ['agent', 'teamLead', 'qa', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const everyRole: readonly Role[] = roles;

/**
 * Issue 13: one person may hold several roles; what they see is viewed in the one that may see the
 * most (admin, team lead, agent, QA: an agent sees the numbers of their own calls, QA never).
 */
export const rolesBySight: readonly Role[] = ['admin', 'teamLead', 'agent', 'qa'];

/** The role a person with `held` roles views the desk and its events in (S-6). */
export function viewingRole(held: readonly Role[]): Role {
  return rolesBySight.find((role) => held.includes(role)) ?? 'qa';
}
