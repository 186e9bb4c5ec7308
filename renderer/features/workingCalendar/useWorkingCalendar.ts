// The working calendar due times are counted on (S-7 callbacks), kept current from the host.
import { useEffect, useMemo, useState } from 'react';
import type { WorkingCalendarSettings } from '../../../shared/contract/workingCalendar';
import { calendarOf } from '../../../shared/domain/callbackDue';
import type { WorkingCalendar } from '../../../shared/domain/workingCalendar';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';

export function useWorkingCalendar(): { rules: WorkingCalendarSettings; calendar: WorkingCalendar } | null {
  const client = useClient();
  const [rules, setRules] = useState<WorkingCalendarSettings | null>(null);
  useHostEvent('onWorkingCalendarChanged', setRules);
  useEffect(() => {
    call(client, 'getWorkingCalendar', {}).then(setRules, () => undefined);
  }, [client]);
  return useMemo(() => (rules ? { rules, calendar: calendarOf(rules) } : null), [rules]);
}
