// Keyboard shortcuts written as Electron accelerators ("CommandOrControl+Alt+A"), so one string
// serves both the global shortcut in Electron and the in-page shortcut in a browser.

export interface KeyPress {
  key: string;
  /** The physical key (KeyboardEvent.code), e.g. "KeyA"; used when `key` is not the letter itself. */
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export interface Accelerator {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** Upper-case letter or digit, or a named key such as F5, Space, Enter. */
  key: string;
}

const modifierNames: Record<string, keyof Omit<Accelerator, 'key'> | 'commandOrControl'> = {
  commandorcontrol: 'commandOrControl',
  cmdorctrl: 'commandOrControl',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  command: 'meta',
  cmd: 'meta',
  super: 'meta',
  meta: 'meta',
};

const namedKeys = new Set(['Space', 'Enter', 'Escape', 'Tab', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown', 'Up', 'Down', 'Left', 'Right']);

/**
 * Parses an accelerator; throws a clear Error for anything a user could not press. A shortcut
 * needs a modifier unless it is a function key, so typing in the notes can never hang up a call.
 */
export function parseAccelerator(text: string, platform: 'mac' | 'other' = 'other'): Accelerator {
  const parts = text.split('+').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new Error(`"${text}" is not a shortcut: use e.g. CommandOrControl+Alt+A`);
  const keyPart = parts.pop() as string;
  const accelerator: Accelerator = { ctrl: false, alt: false, shift: false, meta: false, key: normalizeKey(keyPart, text) };
  for (const part of parts) {
    const modifier = modifierNames[part.toLowerCase()];
    if (!modifier) throw new Error(`"${part}" in "${text}" is not a modifier (Ctrl, Alt, Shift, Command, CommandOrControl)`);
    if (modifier === 'commandOrControl') accelerator[platform === 'mac' ? 'meta' : 'ctrl'] = true;
    else accelerator[modifier] = true;
  }
  const isFunctionKey = /^F\d{1,2}$/.test(accelerator.key);
  if (!isFunctionKey && !accelerator.ctrl && !accelerator.alt && !accelerator.meta) {
    throw new Error(`"${text}" needs Ctrl, Alt or Command (or a function key), so typing cannot trigger it`);
  }
  return accelerator;
}

function normalizeKey(key: string, text: string): string {
  if (/^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  if (/^F([1-9]|1\d|2[0-4])$/i.test(key)) return key.toUpperCase();
  const named = [...namedKeys].find((k) => k.toLowerCase() === key.toLowerCase());
  if (named) return named;
  throw new Error(`"${key}" in "${text}" is not a key Deskline can use`);
}

const eventKeyNames: Record<string, string> = { ' ': 'Space', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };

/**
 * The key an accelerator names, from a key press. Option on a Mac (and AltGr elsewhere) turns a
 * letter into another character (Option+A gives "å"): then the physical key says which letter or
 * digit was meant. The character comes first, so a shortcut follows the keyboard layout (on AZERTY,
 * A is the key labelled A).
 */
function pressedKey(press: KeyPress): string {
  const named = eventKeyNames[press.key];
  if (named) return named;
  if (/^[a-z0-9]$/i.test(press.key)) return press.key.toUpperCase();
  const physical = /^(?:Key([A-Z])|Digit(\d))$/.exec(press.code ?? '');
  if (physical) return physical[1] ?? physical[2]!;
  return press.key.length === 1 ? press.key.toUpperCase() : press.key;
}

/** Whether a key press (KeyboardEvent fields) is this accelerator, modifiers exactly. */
export function matchesAccelerator(accelerator: Accelerator, press: KeyPress): boolean {
  const key = pressedKey(press);
  return (
    key === accelerator.key &&
    press.ctrlKey === accelerator.ctrl &&
    press.altKey === accelerator.alt &&
    press.shiftKey === accelerator.shift &&
    press.metaKey === accelerator.meta
  );
}
