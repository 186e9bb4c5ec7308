// The decisions behind Electron's global shortcuts, with no electron import so they run in Node
// tests (issue 21): register each phone shortcut, find the ones another application holds, report
// them to the agent, re-register on change, and release them all on quit.
import { phoneShortcutActions, type PhoneShortcutAction, type PhoneShortcuts } from '../../shared/contract/phonePreferences';
import type { Logger } from '../core/kernel/platformPorts';

/**
 * The part of Electron's `globalShortcut` used here. Electron documents that `register` returns
 * whether it succeeded and that a combination another application holds fails silently, and that
 * `isRegistered` still returns false for a combination another application holds.
 */
export interface GlobalShortcutPort {
  register(accelerator: string, callback: () => void): boolean;
  isRegistered(accelerator: string): boolean;
  unregisterAll(): void;
}

export interface GlobalShortcutTarget {
  perform(action: PhoneShortcutAction): void;
  report(status: { taken: PhoneShortcutAction[] }): void;
}

export class GlobalShortcutBinding {
  private active = false;

  constructor(
    private readonly port: GlobalShortcutPort,
    private readonly target: GlobalShortcutTarget,
    private readonly logger: Logger,
  ) {}

  /** (Re)registers the shortcuts; returns the actions whose combination another application holds. */
  apply(shortcuts: PhoneShortcuts): PhoneShortcutAction[] {
    this.port.unregisterAll();
    this.active = shortcuts.global;
    const taken: PhoneShortcutAction[] = [];
    if (shortcuts.global) {
      for (const action of phoneShortcutActions) {
        const accelerator = shortcuts[action];
        let registered = false;
        try {
          registered = this.port.register(accelerator, () => this.target.perform(action)) && this.port.isRegistered(accelerator);
        } catch (error) {
          // Electron throws for an accelerator it cannot parse on this platform.
          this.logger.warn('A global shortcut could not be registered', { action, accelerator, error: String(error) });
        }
        if (!registered) taken.push(action);
      }
      // The in-window shortcut still works; the agent is told which ones do not work elsewhere.
      if (taken.length > 0) this.logger.warn('Global shortcuts held by another application', { taken: taken.join(', ') });
    }
    this.target.report({ taken });
    return taken;
  }

  /** On quit: the combinations go back to the system and other applications. */
  release(): void {
    if (!this.active) return;
    this.active = false;
    this.port.unregisterAll();
  }
}
