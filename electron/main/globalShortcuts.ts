// Electron's global shortcuts for answer, hang up, hold and mute: they work while another
// application (the CRM, a browser) has the focus. Re-registered whenever the agent changes them;
// the decisions are in globalShortcutBinding.ts (tested in Node).
import { globalShortcut } from 'electron';
import type { PhoneShortcuts } from '../../shared/contract/phonePreferences';
import type { Core } from '../core/createCore';
import type { Logger } from '../core/kernel/platformPorts';
import { GlobalShortcutBinding } from './globalShortcutBinding';

export function bindGlobalShortcuts(core: Core, logger: Logger): () => void {
  // A trusted in-process caller: the agent signed in at this desk, whose phone it is; with nobody
  // signed in the keys do nothing (issue 13).
  const perform = (action: Parameters<typeof core.dispatch>[1]) => {
    const agent = core.desk.agentAtDesk();
    if (agent) void core.dispatch('performPhoneShortcut', { action }, agent);
  };
  const binding = new GlobalShortcutBinding(
    globalShortcut,
    {
      perform: (action) => perform(action),
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
