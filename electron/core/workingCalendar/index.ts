// The working calendar due times are counted on (S-4, S-5, S-7): read and saved as a setting.
import type { Feature, Kernel } from '../kernel/feature';
import { WorkingCalendarSettingsStore } from './workingCalendarSettings';

export type WorkingCalendarFeature = Feature<'getWorkingCalendar' | 'saveWorkingCalendar'>;

export function createWorkingCalendar(kernel: Kernel): WorkingCalendarFeature {
  const calendar = new WorkingCalendarSettingsStore(kernel.settings);
  return {
    handlers: {
      getWorkingCalendar: () => calendar.get(),
      saveWorkingCalendar: (request) => {
        const saved = calendar.save(request);
        kernel.eventHub.emit('onWorkingCalendarChanged', saved);
        return saved;
      },
    },
    close: () => undefined,
  };
}
