// Shortcut strings: one Electron accelerator serves the global shortcut and the in-page one.
import { describe, expect, it } from 'vitest';
import { matchesAccelerator, parseAccelerator } from '../../../../shared/domain/accelerator';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean; code: string }> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('CommandOrControl is Ctrl on Windows/Linux and Command on macOS', () => {
    expect(parseAccelerator('CommandOrControl+Alt+A')).toEqual({ ctrl: true, alt: true, shift: false, meta: false, key: 'A' });
    expect(parseAccelerator('CmdOrCtrl+Alt+a', 'mac')).toEqual({ ctrl: false, alt: true, shift: false, meta: true, key: 'A' });
  });

  it('matches exactly the modifiers given, whatever the letter case', () => {
    const answer = parseAccelerator('Ctrl+Alt+A');
    expect(matchesAccelerator(answer, press('a', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(matchesAccelerator(answer, press('A', { ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
    expect(matchesAccelerator(answer, press('a', { ctrlKey: true }))).toBe(false);
    expect(matchesAccelerator(parseAccelerator('F9'), press('F9'))).toBe(true);
    expect(matchesAccelerator(parseAccelerator('Alt+Space'), press(' ', { altKey: true }))).toBe(true);
  });

  it('matches on a Mac, where Option turns the letter into another character', () => {
    const answerOnMac = parseAccelerator('CommandOrControl+Alt+A', 'mac');
    // Cmd+Option+A: KeyboardEvent.key is "å", KeyboardEvent.code is "KeyA".
    expect(matchesAccelerator(answerOnMac, press('å', { metaKey: true, altKey: true, code: 'KeyA' }))).toBe(true);
    expect(matchesAccelerator(answerOnMac, press('å', { metaKey: true, altKey: true }))).toBe(false);
    expect(matchesAccelerator(parseAccelerator('Alt+1', 'mac'), press('¡', { altKey: true, code: 'Digit1' }))).toBe(true);
    // The character wins when it is a letter: on AZERTY the key labelled A sends code "KeyQ".
    expect(matchesAccelerator(answerOnMac, press('a', { metaKey: true, altKey: true, code: 'KeyQ' }))).toBe(true);
    expect(matchesAccelerator(answerOnMac, press('q', { metaKey: true, altKey: true, code: 'KeyA' }))).toBe(false);
  });

  it('refuses shortcuts that typing could trigger, and nonsense, with a clear reason', () => {
    expect(() => parseAccelerator('A')).toThrow(/needs Ctrl, Alt or Command/);
    expect(() => parseAccelerator('Shift+H')).toThrow(/needs Ctrl, Alt or Command/);
    expect(() => parseAccelerator('Hyper+A')).toThrow(/"Hyper" .* is not a modifier/);
    expect(() => parseAccelerator('Ctrl+Alt+')).toThrow(/not a shortcut/);
    expect(() => parseAccelerator('Ctrl+€')).toThrow(/not a key/);
  });
});
