// The call-search contract's handlers: search, its filter lists, and the UI export.
import type { callSearchMethods } from '../../../shared/contract/callSearch';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { CallSearchService } from './callSearchService';

export type CallSearchHandlers = Pick<ApiHandlers, keyof typeof callSearchMethods>;

export function callSearchHandlers(service: CallSearchService): CallSearchHandlers {
  return {
    searchCalls: (request, caller) => service.search(request, caller),
    getCallSearchOptions: () => service.options(),
    exportCalls: (request, caller) => service.exportCalls(request, caller),
  };
}
