// Issue 13: a person with several roles acts, per method, in the allowed role that may see the most;
// every S-6 check that reads caller.role then applies unchanged.
import { describe, expect, it } from 'vitest';
import { actingRole, viewingRole } from '../../../../../electron/core/identity/actingRole';

describe('actingRole', () => {
  it('picks admin, then team lead, then agent, then QA, among the roles the method allows', () => {
    expect(actingRole(['agent', 'teamLead'], ['agent', 'teamLead', 'qa', 'admin'])).toBe('teamLead');
    expect(actingRole(['agent', 'teamLead'], ['agent'])).toBe('agent');
    expect(actingRole(['qa', 'agent'], ['agent', 'qa'])).toBe('agent'); // an agent sees their own calls' numbers, QA never
    expect(actingRole(['qa'], ['teamLead', 'admin'])).toBeNull();
  });

  it('views events in the role that may see the most', () => {
    expect(viewingRole(['qa', 'admin'])).toBe('admin');
    expect(viewingRole(['qa', 'agent'])).toBe('agent');
    expect(viewingRole(['qa'])).toBe('qa');
  });
});
