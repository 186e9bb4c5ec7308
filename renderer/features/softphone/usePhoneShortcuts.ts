// In-window keyboard shortcuts for answer, hang up, hold and mute. In Electron with global
// shortcuts on, the main process handles them everywhere, so the page does not act twice.
import { useEffect, useState } from 'react';
import { phoneShortcutActions, type PhoneShortcuts } from '../../../shared/contract/phonePreferences';
import { matchesAccelerator, parseAccelerator } from '../../../shared/domain/accelerator';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';

const platform = /Mac/i.test(navigator.platform) ? 'mac' : 'other';

export function usePhoneShortcuts(run: (a: () => Promise<unknown>) => Promise<boolean>): void {
  const client = useClient();
  const [shortcuts, setShortcuts] = useState<PhoneShortcuts | null>(null);
  useHostEvent('onPhoneShortcutsChanged', setShortcuts);
  useEffect(() => {
    call(client, 'getPhoneShortcuts', {}).then(setShortcuts, () => undefined);
  }, [client]);

  useEffect(() => {
    if (!shortcuts || (window.deskline && shortcuts.global)) return;
    const accelerators = phoneShortcutActions.map((action) => ({ action, accelerator: parseAccelerator(shortcuts[action], platform) }));
    const onKey = (event: KeyboardEvent) => {
      const hit = accelerators.find((a) => matchesAccelerator(a.accelerator, event));
      if (!hit) return;
      event.preventDefault();
      void run(() => call(client, 'performPhoneShortcut', { action: hit.action }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, shortcuts, run]);
}
