// Electron's global shortcuts for answer, hang up, hold and mute: they work while another
// application (the CRM, a browser) has the focus. Re-registered whenever the agent changes them;
// the decisions are in globalShortcutBinding.ts (tested in Node).
import { globalShortcut } from 'electron';
import type { PhoneShortcuts } from '../../shared/contract/phonePreferences';
import type { Core } from '../core/createCore';
import type { CallerContext } from '../core/kernel/caller';
import type { Logger } from '../core/kernel/platformPorts';
import { GlobalShortcutBinding } from './globalShortcutBinding';

export function bindGlobalShortcuts(core: Core, caller: CallerContext, logger: Logger): () => void {
  const binding = new GlobalShortcutBinding(
    globalShortcut,
    {
      perform: (action) => void core.dispatch('performPhoneShortcut', { action }, caller),
      report: (status) => core.preferences.reportGlobalShortcuts(status),
    },
    logger,
  );
  binding.apply(core.preferences.shortcuts());
  const stop = core.eventHub.subscribe((event, payload) => {
    if (event === 'onPhoneShortcutsChanged') binding.apply(payload as PhoneShortcuts);
  });
  return () => {
    stop();
    binding.release();
  };
}
