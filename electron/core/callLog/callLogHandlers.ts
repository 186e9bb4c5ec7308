// The call-record contract's handlers. The lists work on every host; notes and classification
// need the store (CorePorts.callRecords).
import type { callRecordMethods } from '../../../shared/contract/callRecords';
import { ContractError } from '../../../shared/contract/envelope';
import type { CallLogService } from './callLogService';
import type { CallLogSettingsStore } from './callLogSettings';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';

type CallLogHandlers = Pick<ApiHandlers, keyof typeof callRecordMethods>;

export function callLogHandlers(settings: CallLogSettingsStore, records: CallLogService | null, eventHub: EventHub): CallLogHandlers {
  const r = (): CallLogService => {
    if (!records) throw new ContractError('UNAVAILABLE', 'This host keeps no call log.');
    return records;
  };
  return {
    getCallRecordSettings: () => settings.get(),
    saveCallRecordSettings: (request) => {
      const saved = settings.save(request);
      eventHub.emit('onCallRecordSettingsChanged', saved);
      return saved;
    },
    getCallRecordForm: ({ callId }) => r().form(callId),
    saveCallNote: ({ callId, text }, caller) => r().saveNote(callId, text, caller.userId),
    setCallClassification: ({ callId, category, disposition }, caller) => r().setClassification(callId, category, disposition, caller),
    listNoteRevisions: ({ callId }) => r().revisions(callId),
  };
}
