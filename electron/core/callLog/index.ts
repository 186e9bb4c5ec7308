// The call log: every call's events and clock decisions kept as its timeline (QA), its record
// rebuilt from them (S-1.3 ring fields, hold, talk and wrap-up time), and the agent's notes,
// category and disposition (S-3). Owns the rule that a required disposition is given before the
// agent ends wrap-up.
import type { CallEvent, CallView } from '../../../shared/contract/softphone';
import { Listeners } from '../../../shared/domain/listeners';
import type { CallClocksFeature } from '../callClocks';
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneService } from '../softphone';
import { callLogHandlers, type CallLogHandlers } from './callLogHandlers';
import { CallLogService } from './callLogService';
import { CallLogSettingsStore } from './callLogSettings';
import { CallLogWriter } from './callLogWriter';
import type { CallLogPorts } from './ports';

export type { CallLogSettingsStore } from './callLogSettings';

export interface CallLogFeature extends Feature<keyof CallLogHandlers> {
  settings: CallLogSettingsStore;
  /** Every call-log write queued so far has settled (orderly shutdown, tests). */
  settled(): Promise<void>;
  /**
   * Each call event once its write to the log is queued: `settled()` then covers it. A feature
   * that links a call to other data after its row exists (the screen pop) listens here.
   */
  onCallEventLogged(listener: (event: CallEvent, view: CallView) => void): () => void;
}

export interface CallLogNeeds {
  phone: SoftphoneService;
  clocks: CallClocksFeature;
}

export function createCallLog(kernel: Kernel, ports: CallLogPorts, needs: CallLogNeeds): CallLogFeature {
  const { phone, clocks } = needs;
  const settings = new CallLogSettingsStore(kernel.settings);
  const writer = new CallLogWriter(ports.writes, () => kernel.desk.ownerId(), kernel.logger);
  const logged = new Listeners<[event: CallEvent, view: CallView]>();
  // After the clocks: a ring outcome is recorded before the event that ended ringing.
  const stopEvents = clocks.onCallEventAfterClocks((event, view) => {
    void writer.callEvent(event);
    const errors: unknown[] = [];
    logged.emitCollecting(errors, event, view);
    for (const error of errors) kernel.logger.error('A listener of logged call events failed', { error: String(error) });
  });
  const stopRecords = clocks.onRecord((record) => void writer.clockRecord(record));
  const service = new CallLogService({
    repository: ports.records,
    settings,
    clock: kernel.clock,
    isOpen: (callId) => phone.isLive(callId) || clocks.service.isWrappingUp(callId),
  });
  // A required disposition (setting) is given before the agent may end wrap-up.
  clocks.addWrapUpEndCheck((callId) => service.assertReadyToFinish(callId));
  return {
    settings,
    settled: () => writer.settled(),
    onCallEventLogged: (listener) => logged.add(listener),
    handlers: callLogHandlers(settings, service, kernel.eventHub),
    close: async () => {
      stopEvents();
      stopRecords();
      await writer.settled();
    },
  };
}
