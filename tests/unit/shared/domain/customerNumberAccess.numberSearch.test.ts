// S-6: which roles search numbers only by the whole number, whose phone's numbers a viewer sees,
// and the forms a number query matches.
import { describe, expect, it } from 'vitest';
import { mayViewPhoneOwnersNumbers, numberQueryForms, seesNumbersMasked } from '../../../../shared/domain/customerNumberAccess';

describe('numberQueryForms', () => {
  it('gives every stored form of a whole number, however it is typed', () => {
    expect(numberQueryForms('138 0013 5678').sort()).toEqual(['+8613800135678', '008613800135678', '13800135678']);
    expect(numberQueryForms('+86 21 6552 0000').sort()).toEqual(['+862165520000', '00862165520000', '02165520000']);
  });
  it('gives nothing for text, for a number with words around it, or for too few digits', () => {
    expect(numberQueryForms('refund')).toEqual([]);
    expect(numberQueryForms('order 13800135678')).toEqual([]);
    expect(numberQueryForms('13')).toEqual([]);
  });
});

describe('roles', () => {
  it('agents and QA see numbers masked; team leads and admins do not', () => {
    expect((['agent', 'qa', 'teamLead', 'admin'] as const).map(seesNumbersMasked)).toEqual([true, true, false, false]);
  });
  it('the phone’s own agent, team leads and admins see its calls’ numbers; QA and other agents do not', () => {
    expect(mayViewPhoneOwnersNumbers({ role: 'agent', userId: 'local' }, 'local')).toBe(true);
    expect(mayViewPhoneOwnersNumbers({ role: 'agent', userId: 'other' }, 'local')).toBe(false);
    expect(mayViewPhoneOwnersNumbers({ role: 'agent', userId: 'local' }, null)).toBe(false);
    expect(mayViewPhoneOwnersNumbers({ role: 'qa', userId: 'local' }, 'local')).toBe(false);
    expect(mayViewPhoneOwnersNumbers({ role: 'teamLead', userId: 't' }, 'local')).toBe(true);
    expect(mayViewPhoneOwnersNumbers({ role: 'admin', userId: 'a' }, null)).toBe(true);
  });
});
