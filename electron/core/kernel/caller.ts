// Who is calling a contract method: the dispatcher passes it to every handler, the audit log and
// the per-role views of events and numbers (S-6) read it.
import type { Role } from '../../../shared/contract/roles';

export interface CallerContext {
  role: Role;
  userId: string;
}
