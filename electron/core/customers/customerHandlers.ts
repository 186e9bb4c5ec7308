// The customer-record contract handlers.
import type { customerMethods } from '../../../shared/contract/customers';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { CustomerService } from './customerService';

export type CustomerHandlers = Pick<ApiHandlers, keyof typeof customerMethods>;

export function customerHandlers(service: CustomerService): CustomerHandlers {
  return {
    getScreenPops: (_request, caller) => service.screenPops(caller),
    lookupCustomersByNumber: ({ number }, caller) => service.lookupByNumber(number, caller),
    linkCallCustomer: ({ callId, customerId }, caller) => service.linkCall(callId, customerId, caller),
    getCustomer: ({ customerId }, caller) => service.getCustomer(customerId, caller),
    saveCustomer: (request, caller) => service.save(request, caller),
    searchCustomers: ({ query, limit }, caller) => service.search(query, limit, caller),
    customerHistory: ({ customerId, limit, cursor }, caller) => service.history(customerId, limit, cursor, caller),
    dialCustomer: ({ customerId, index }, caller) => service.dial(customerId, index, caller),
  };
}
