// The accounts every web-host test may sign in as (issue 13): one per role, plus the first admin
// the harness creates from the printed setup code. Passwords are test-only.
import type { Role } from '../../../shared/contract/roles';

export interface TestPerson {
  user: string;
  password: string;
  displayName: string;
  roles: Role[];
  agentNumber?: string;
}

export const testPeople: Record<Role, TestPerson> = {
  admin: { user: 'admin', password: 'test-admin-password', displayName: 'Admin Zhou', roles: ['admin'] },
  agent: { user: 'agent', password: 'test-agent-password', displayName: 'Agent Li', roles: ['agent'], agentNumber: '1001' },
  teamLead: { user: 'teamlead', password: 'test-lead-password', displayName: 'Lead Chen', roles: ['teamLead'] },
  qa: { user: 'qa', password: 'test-qa-password', displayName: 'QA Wu', roles: ['qa'] },
};

/** The setup code the host printed on stderr at first start, or null once set up. */
export function setupCodeFrom(stderr: string): string | null {
  return /^Deskline setup code: (\S+)/m.exec(stderr)?.[1] ?? null;
}
