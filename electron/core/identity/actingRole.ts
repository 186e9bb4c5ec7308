// One person may hold several roles. A call acts in ONE of them (CallerContext.role), so every
// role check and S-6 view that reads caller.role stays as it is: the role acting is the one of the
// person's roles the method allows that may see the most (admin, team lead, agent, QA: an agent
// sees the numbers of their own calls, QA never sees full numbers).
import { rolesBySight, type Role } from '../../../shared/contract/roles';

export { viewingRole } from '../../../shared/contract/roles';

/** The role `roles` act in for a method allowing `allowed`, or null when none is allowed. */
export function actingRole(roles: readonly Role[], allowed: readonly Role[]): Role | null {
  return rolesBySight.find((role) => roles.includes(role) && allowed.includes(role)) ?? null;
}
