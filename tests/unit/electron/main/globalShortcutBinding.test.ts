// Global shortcuts (issue 21), with a fake of Electron's globalShortcut that behaves as Electron
// documents: register returns false and isRegistered stays false for a combination another
// application holds; an accelerator Electron cannot parse throws.
import { describe, expect, it } from 'vitest';
import { defaultPhoneShortcuts, type PhoneShortcutAction } from '../../../../shared/contract/phonePreferences';
import { GlobalShortcutBinding, type GlobalShortcutPort } from '../../../../electron/main/globalShortcutBinding';

class FakeGlobalShortcut implements GlobalShortcutPort {
  readonly registered = new Map<string, () => void>();
  constructor(
    private readonly heldElsewhere: string[] = [],
    private readonly unparsable: string[] = [],
  ) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.unparsable.includes(accelerator)) throw new Error(`Error processing argument: ${accelerator}`);
    if (this.heldElsewhere.includes(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function bind(port: FakeGlobalShortcut) {
  const performed: PhoneShortcutAction[] = [];
  const reports: PhoneShortcutAction[][] = [];
  const binding = new GlobalShortcutBinding(port, { perform: (a) => performed.push(a), report: (s) => reports.push(s.taken) }, quietLogger);
  return { binding, performed, reports };
}

describe('GlobalShortcutBinding', () => {
  it('registers every phone shortcut, and a press performs its action', () => {
    const port = new FakeGlobalShortcut();
    const { binding, performed, reports } = bind(port);
    expect(binding.apply(defaultPhoneShortcuts)).toEqual([]);
    expect([...port.registered.keys()].sort()).toEqual(
      ['CommandOrControl+Alt+A', 'CommandOrControl+Alt+H', 'CommandOrControl+Alt+M', 'CommandOrControl+Alt+O'],
    );
    port.registered.get('CommandOrControl+Alt+A')!();
    port.registered.get('CommandOrControl+Alt+M')!();
    expect(performed).toEqual(['answer', 'mute']);
    expect(reports).toEqual([[]]);
  });

  it('reports the combinations another application holds, and the ones Electron refuses', () => {
    const { binding, reports } = bind(new FakeGlobalShortcut(['CommandOrControl+Alt+H'], ['CommandOrControl+Alt+O']));
    expect(binding.apply(defaultPhoneShortcuts)).toEqual(['hangUp', 'hold']);
    expect(reports).toEqual([['hangUp', 'hold']]);
  });

  it('re-registers on change: the old combinations are released first', () => {
    const port = new FakeGlobalShortcut();
    const { binding } = bind(port);
    binding.apply(defaultPhoneShortcuts);
    binding.apply({ ...defaultPhoneShortcuts, answer: 'F8' });
    expect(port.registered.has('CommandOrControl+Alt+A')).toBe(false);
    expect(port.registered.has('F8')).toBe(true);
  });

  it('turning global shortcuts off releases them all and reports nothing taken', () => {
    const port = new FakeGlobalShortcut(['CommandOrControl+Alt+H']);
    const { binding, reports } = bind(port);
    binding.apply(defaultPhoneShortcuts);
    expect(binding.apply({ ...defaultPhoneShortcuts, global: false })).toEqual([]);
    expect(port.registered.size).toBe(0);
    expect(reports.at(-1)).toEqual([]);
  });

  it('releases every combination on quit, once', () => {
    const port = new FakeGlobalShortcut();
    const { binding } = bind(port);
    binding.apply(defaultPhoneShortcuts);
    binding.release();
    expect(port.registered.size).toBe(0);
    port.register('F9', () => undefined); // something registered later by someone else stays
    binding.release();
    expect(port.registered.has('F9')).toBe(true);
  });
});
