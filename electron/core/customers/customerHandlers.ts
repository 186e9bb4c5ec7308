// The customer-record contract handlers; without a store (and its audit log) they answer UNAVAILABLE.
import type { customerMethods } from '../../../shared/contract/customers';
import { ContractError } from '../../../shared/contract/envelope';
import type { CallLogWriter } from '../callLog/callLogWriter';
import { CustomerService } from './customerService';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';
import type { CorePorts } from '../ports';
import type { Softphone } from '../softphone/softphoneHandlers';

type CustomerHandlers = Pick<ApiHandlers, keyof typeof customerMethods>;

export function customerHandlers(service: CustomerService | null): CustomerHandlers {
  const need = (): CustomerService => {
    // S-6: customer data is shown only where every view can be audited, i.e. with the store.
    if (!service) throw new ContractError('UNAVAILABLE', 'Customer records need the database, which this host runs without.');
    return service;
  };
  return {
    getScreenPops: (_request, caller) => need().screenPops(caller),
    lookupCustomersByNumber: ({ number }, caller) => need().lookupByNumber(number, caller),
    linkCallCustomer: ({ callId, customerId }, caller) => need().linkCall(callId, customerId, caller),
    getCustomer: ({ customerId }, caller) => need().getCustomer(customerId, caller),
    saveCustomer: (request, caller) => need().save(request, caller),
    searchCustomers: ({ query, limit }, caller) => need().search(query, limit, caller),
    customerHistory: ({ customerId, limit, cursor }, caller) => need().history(customerId, limit, cursor, caller),
    dialCustomer: ({ customerId, index }, caller) => need().dial(customerId, index, caller),
  };
}

/** The service over the host's ports, or null when the host has no customer store or audit log. */
export function createCustomerService(ports: CorePorts, eventHub: EventHub, softphone: Softphone | null, recorder: CallLogWriter | null): CustomerService | null {
  if (!ports.customers || !ports.audit) return null;
  const phone = softphone?.service;
  return new CustomerService({
    repository: ports.customers,
    audit: ports.audit,
    clock: ports.clock,
    eventHub,
    logger: ports.logger,
    host: { role: ports.hostInfo.role, userId: ports.hostInfo.userId },
    phone: phone
      ? {
          liveCalls: () => phone.state().calls.map((c) => ({ callId: c.callId, remoteNumber: c.remote.number })),
          dial: (target) => phone.dial(target),
          onCallEvent: (listener) => phone.onCallEvent(listener),
        }
      : null,
    callLogged: () => recorder?.settled() ?? Promise.resolve(),
  });
}
