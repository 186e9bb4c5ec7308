// S-6 (权限管理): who sees a customer's number in full. Team leads and admins always; an agent only
// the remote party of one of their own live calls; QA never. Numbers compare by normalized form.
import { describe, expect, it } from 'vitest';
import { saveCustomerSchema } from '../../../../shared/contract/customers';
import { mayViewFullNumber, numberForms, numberForViewer, phoneKey, sameNumber, type LiveCallParty } from '../../../../shared/domain/customerNumberAccess';

const agent = { role: 'agent', userId: 'li' } as const;
const otherAgent = { role: 'agent', userId: 'wang' } as const;
const liCalling: LiveCallParty[] = [{ agentId: 'li', remoteNumber: '13800135678' }];

describe('mayViewFullNumber (S-6)', () => {
  it.each([
    ['teamLead', true],
    ['admin', true],
    ['qa', false],
  ] as const)('a %s with no calls sees full numbers: %s', (role, full) => {
    expect(mayViewFullNumber({ role, userId: 'x' }, '13800135678', [])).toBe(full);
  });

  it('an agent sees in full only the remote party of their own live call', () => {
    expect(mayViewFullNumber(agent, '13800135678', liCalling)).toBe(true);
    expect(mayViewFullNumber(agent, '13900001111', liCalling)).toBe(false);
    expect(mayViewFullNumber(agent, '13800135678', [])).toBe(false);
    // Another agent's call does not open the number to this agent.
    expect(mayViewFullNumber(otherAgent, '13800135678', liCalling)).toBe(false);
  });

  it('QA stays masked even for a number on a live call', () => {
    expect(mayViewFullNumber({ role: 'qa', userId: 'li' }, '13800135678', liCalling)).toBe(false);
  });

  it('compares numbers in normalized form, whatever way they were written', () => {
    const call: LiveCallParty[] = [{ agentId: 'li', remoteNumber: '138 0013-5678' }];
    expect(mayViewFullNumber(agent, '13800135678', call)).toBe(true);
    expect(mayViewFullNumber(agent, 'sip:13800135678@pbx.example.com', call)).toBe(true);
  });

  it('never matches what is not a number (anonymous, empty, letters)', () => {
    const anonymous: LiveCallParty[] = [{ agentId: 'li', remoteNumber: 'anonymous' }];
    expect(mayViewFullNumber(agent, 'anonymous', anonymous)).toBe(false);
    expect(mayViewFullNumber(agent, '', [{ agentId: 'li', remoteNumber: '' }])).toBe(false);
  });
});

describe('numberForViewer', () => {
  it('masks as 138****5678 when the viewer may not see it, and says so', () => {
    expect(numberForViewer(agent, '13800135678', [])).toEqual({ number: '138****5678', masked: true });
    expect(numberForViewer({ role: 'qa', userId: 'q' }, '+8613800135678', [])).toEqual({ number: '+86 138****5678', masked: true });
    expect(numberForViewer(agent, '13800135678', liCalling)).toEqual({ number: '13800135678', masked: false });
    expect(numberForViewer({ role: 'teamLead', userId: 'lead' }, '+8613800135678', [])).toEqual({ number: '+8613800135678', masked: false });
  });

  it('a short service number keeps at most its last two digits visible', () => {
    expect(numberForViewer(agent, '95588', [])).toEqual({ number: '***88', masked: true });
  });
});

describe('phoneKey', () => {
  it.each([
    ['+86 (138) 0013-5678', '+8613800135678'],
    ['１３８００１３５６７８', '13800135678'],
    ['sip:3001@pbx.example.com', '3001'],
    ['tel:+8613800135678', '+8613800135678'],
    ['anonymous', null],
    ['sip:pbx.example.com', null],
    ['12', null],
  ])('%j → %j', (input, key) => {
    expect(phoneKey(input)).toBe(key);
  });
});

describe('numberForms and sameNumber', () => {
  it.each([
    ['13800135678', ['13800135678', '+8613800135678', '008613800135678']],
    ['+8613800135678', ['+8613800135678', '13800135678', '008613800135678']],
    ['02165520000', ['02165520000', '+862165520000', '00862165520000']],
    ['+862165520000', ['+862165520000', '02165520000', '00862165520000']],
    ['+14155550123', ['+14155550123', '0014155550123']],
    ['95588', ['95588']],
  ])('%j is also written %j', (key, forms) => {
    expect(numberForms(key).sort()).toEqual([...forms].sort());
  });

  it('matches a number written nationally, internationally or with 00, and nothing else', () => {
    expect(sameNumber('138 0013 5678', '+86 138 0013 5678')).toBe(true);
    expect(sameNumber('0086 138 0013 5678', '13800135678')).toBe(true);
    expect(sameNumber('(021) 6552-0000', '+86 21 6552 0000')).toBe(true);
    expect(sameNumber('13800135678', '13800135679')).toBe(false);
    expect(sameNumber('+14155550123', '4155550123')).toBe(false); // no numbering plan outside +86
    expect(sameNumber('anonymous', 'anonymous')).toBe(false);
  });

  it('an agent on a call from 138… sees the record number saved as +86 138… in full', () => {
    expect(mayViewFullNumber(agent, '+8613800135678', liCalling)).toBe(true);
  });
});

describe('saveCustomer request (malformed numbers are refused at the boundary)', () => {
  const base = { name: '王芳', consent: true };

  it('accepts typed numbers and numbers kept by index, and defaults the rest', () => {
    const parsed = saveCustomerSchema.parse({ ...base, numbers: [{ number: '+86 138 0013 5678' }, { keep: 0, label: 'Office' }] });
    expect(parsed).toMatchObject({ organisation: null, tags: [], notes: '', numbers: [{ number: '+86 138 0013 5678', label: null }, { keep: 0, label: 'Office' }] });
  });

  it.each([
    ['138abc5678', /contains letters/],
    ['12', /too short/],
    ['138+0013', /only at the start/],
  ])('%j is refused with the reason', (number, message) => {
    const result = saveCustomerSchema.safeParse({ ...base, numbers: [{ number }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });

  it('requires a name', () => {
    const result = saveCustomerSchema.safeParse({ ...base, name: '   ', numbers: [] });
    expect(result.error?.issues[0]?.message).toMatch(/name/);
  });
});
