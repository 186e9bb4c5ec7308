// The call log's contract handlers: the category and disposition lists, and each call record's
// notes and classification.
import type { callLogMethods } from '../../../shared/contract/callLog';
import type { CallLogService } from './callLogService';
import type { CallLogSettingsStore } from './callLogSettings';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';

export type CallLogHandlers = Pick<ApiHandlers, keyof typeof callLogMethods>;

export function callLogHandlers(settings: CallLogSettingsStore, records: CallLogService, eventHub: EventHub): CallLogHandlers {
  return {
    getCallRecordSettings: () => settings.get(),
    saveCallRecordSettings: (request) => {
      const saved = settings.save(request);
      eventHub.emit('onCallRecordSettingsChanged', saved);
      return saved;
    },
    getCallRecordForm: ({ callId }) => records.form(callId),
    saveCallNote: ({ callId, text }, caller) => records.saveNote(callId, text, caller.userId),
    setCallClassification: ({ callId, category, disposition }, caller) => records.setClassification(callId, category, disposition, caller),
    listNoteRevisions: ({ callId }) => records.revisions(callId),
  };
}
