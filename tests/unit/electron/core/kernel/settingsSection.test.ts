// A settings-file entry read through its schema: broken entries fall back, older ones are filled
// from the defaults, and an invalid save changes nothing.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SettingsSection } from '../../../../../electron/core/kernel/settingsSection';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

const schema = z.object({ limitSec: z.number().int().min(10), guided: z.boolean() }).strict();
const defaults = { limitSec: 60, guided: true };

describe('SettingsSection', () => {
  it('reads the defaults when nothing or something broken is stored', () => {
    const settings = new MemorySettings();
    const read = () => new SettingsSection(settings, 'clocks', schema, defaults).get();
    expect(read()).toEqual(defaults);
    settings.set('clocks', { limitSec: 'soon', guided: true });
    expect(read()).toEqual(defaults);
    settings.set('clocks', 'garbage');
    expect(read()).toEqual(defaults);
  });

  it('fills fields added since the entry was written, keeping the stored ones', () => {
    const settings = new MemorySettings();
    settings.set('clocks', { limitSec: 90 });
    expect(new SettingsSection(settings, 'clocks', schema, defaults).get()).toEqual({ limitSec: 90, guided: true });
  });

  it('saves a valid value and refuses an invalid one without touching what is stored', () => {
    const settings = new MemorySettings();
    const section = new SettingsSection(settings, 'clocks', schema, defaults);
    expect(section.save({ limitSec: 30, guided: false })).toEqual({ limitSec: 30, guided: false });
    expect(() => section.save({ limitSec: 5, guided: false })).toThrow();
    expect(section.get()).toEqual({ limitSec: 30, guided: false });
    // What was stored, not only what is kept in memory.
    expect(new SettingsSection(settings, 'clocks', schema, defaults).get()).toEqual({ limitSec: 30, guided: false });
  });
});
