// The screen pop of one incoming call: who it is (one match), who it may be (several customers share
// the number: the agent picks, which links the call), or no record yet (create one with the number).
// S-6: a caller ID the SIP server did not assert is marked "unverified", and a single match is only
// linked once the agent confirms who is calling.
import { useTranslation } from 'react-i18next';
import type { ScreenPop } from '../../../shared/contract/customers';
import { CustomerSummaryCard } from './CustomerSummaryCard';

export interface ScreenPopActions {
  open(customerId: string): void;
  pick(callId: string, customerId: string): void;
  create(number: string | null): void;
}

export function ScreenPopCard({ pop, actions }: { pop: ScreenPop; actions: ScreenPopActions }) {
  const { t } = useTranslation();
  const linked = pop.matches.find((m) => m.customerId === pop.linkedCustomerId);
  // S-6: the host sends the number masked when this role may not see it; never prefill a masked one.
  const typedNumber = pop.number.includes('*') ? null : pop.number;
  const unverified = pop.callerIdVerified ? null : (
    <p className="screen-pop__unverified" role="note">
      {t('customers.unverified')}
    </p>
  );

  if (pop.matches.length === 0) {
    return (
      <div className="screen-pop" data-call-id={pop.callId}>
        <p>{t('customers.noMatch', { number: pop.number })}</p>
        {unverified}
        <button type="button" onClick={() => actions.create(typedNumber)}>
          {t('customers.newCustomer')}
        </button>
      </div>
    );
  }
  if (linked) {
    return (
      <div className="screen-pop" data-call-id={pop.callId}>
        <p className="screen-pop__caller">{t('customers.callerNumber', { number: pop.number })}</p>
        {unverified}
        <CustomerSummaryCard summary={linked}>
          <button type="button" onClick={() => actions.open(linked.customerId)}>
            {t('customers.openRecord', { name: linked.name })}
          </button>
        </CustomerSummaryCard>
      </div>
    );
  }
  const [single] = pop.matches;
  if (single && pop.matches.length === 1) {
    return (
      <div className="screen-pop screen-pop--confirm" data-call-id={pop.callId}>
        <p className="screen-pop__caller">{t('customers.callerNumber', { number: pop.number })}</p>
        {unverified}
        <p>{t('customers.unverifiedMatch')}</p>
        <CustomerSummaryCard summary={single}>
          <button type="button" onClick={() => actions.pick(pop.callId, single.customerId)}>
            {t('customers.confirmCustomer')}
          </button>
        </CustomerSummaryCard>
      </div>
    );
  }
  return (
    <div className="screen-pop screen-pop--pick" data-call-id={pop.callId}>
      <p className="screen-pop__caller">{t('customers.shared', { count: pop.matches.length, number: pop.number })}</p>
      {unverified}
      {pop.matches.map((match) => (
        <CustomerSummaryCard key={match.customerId} summary={match}>
          <button type="button" onClick={() => actions.pick(pop.callId, match.customerId)}>
            {t('customers.pick', { name: match.name })}
          </button>
        </CustomerSummaryCard>
      ))}
    </div>
  );
}
