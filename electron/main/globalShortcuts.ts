// Electron's global shortcuts for answer, hang up, hold and mute: they work while another
// application (the CRM, a browser) has the focus. Re-registered whenever the agent changes them.
import { globalShortcut } from 'electron';
import { phoneShortcutActions, type PhoneShortcuts } from '../../shared/contract/phonePreferences';
import type { Core } from '../core/createCore';
import type { CallerContext } from '../core/dispatcher';
import type { Logger } from '../core/ports';

export function bindGlobalShortcuts(core: Core, caller: CallerContext, logger: Logger): () => void {
  const apply = (shortcuts: PhoneShortcuts) => {
    globalShortcut.unregisterAll();
    if (!shortcuts.global) return;
    for (const action of phoneShortcutActions) {
      const registered = globalShortcut.register(shortcuts[action], () => {
        void core.dispatch('performPhoneShortcut', { action }, caller);
      });
      // Another application may own the combination; the in-window shortcut still works.
      if (!registered) logger.warn('A global shortcut is taken by another application', { action, accelerator: shortcuts[action] });
    }
  };
  apply(core.preferences.shortcuts());
  const stop = core.eventHub.subscribe((event, payload) => {
    if (event === 'onPhoneShortcutsChanged') apply(payload as PhoneShortcuts);
  });
  return () => {
    stop();
    globalShortcut.unregisterAll();
  };
}
