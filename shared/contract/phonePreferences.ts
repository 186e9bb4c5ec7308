// Contract for the agent's phone preferences that are not the SIP account: audio devices
// (microphone, speaker, ringer), keyboard shortcuts, and the network-changed hint.
import { z } from 'zod';
import { parseAccelerator } from '../domain/accelerator';
import { defineMethod } from './defineMethod';
import { everyRole } from './roles';

/** A chosen device: its id and its label (ids can change between sessions; labels rarely do). */
const deviceChoiceSchema = z.object({ id: z.string().max(512), label: z.string().max(512) }).strict().nullable();

export const audioDevicesSchema = z
  .object({
    /** null: the system default. */
    microphone: deviceChoiceSchema,
    speaker: deviceChoiceSchema,
    /** Where the ringtone plays (e.g. loudspeakers while the headset is on the desk). */
    ringer: deviceChoiceSchema,
  })
  .strict();
export type AudioDevices = z.infer<typeof audioDevicesSchema>;
export const defaultAudioDevices: AudioDevices = { microphone: null, speaker: null, ringer: null };

export const phoneShortcutActions = ['answer', 'hangUp', 'hold', 'mute'] as const;
export const phoneShortcutActionSchema = z.enum(phoneShortcutActions);
export type PhoneShortcutAction = z.infer<typeof phoneShortcutActionSchema>;

const acceleratorSchema = z
  .string()
  .trim()
  .max(64)
  .superRefine((text, ctx) => {
    try {
      parseAccelerator(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

export const phoneShortcutsSchema = z
  .object({
    answer: acceleratorSchema,
    hangUp: acceleratorSchema,
    hold: acceleratorSchema,
    mute: acceleratorSchema,
    /** In Electron: also when Deskline is not the focused window. */
    global: z.boolean(),
  })
  .strict()
  .refine((s) => new Set(phoneShortcutActions.map((a) => s[a].toLowerCase())).size === phoneShortcutActions.length, {
    message: 'Each shortcut must be different',
  });
export type PhoneShortcuts = z.infer<typeof phoneShortcutsSchema>;

export const defaultPhoneShortcuts: PhoneShortcuts = {
  answer: 'CommandOrControl+Alt+A',
  hangUp: 'CommandOrControl+Alt+H',
  hold: 'CommandOrControl+Alt+O',
  mute: 'CommandOrControl+Alt+M',
  global: true,
};

/** Global shortcuts another application holds (Electron only): they work only inside Deskline. */
export const globalShortcutStatusSchema = z.object({ taken: z.array(phoneShortcutActionSchema) }).strict();
export type GlobalShortcutStatus = z.infer<typeof globalShortcutStatusSchema>;

export const phonePreferenceMethods = {
  getAudioDevices: defineMethod({
    summary: 'The chosen microphone, speaker and ringer (null: system default).',
    request: z.object({}).strict(),
    reply: audioDevicesSchema,
    roles: ['agent'],
  }),
  saveAudioDevices: defineMethod({
    summary: 'Remember the chosen microphone, speaker and ringer.',
    request: audioDevicesSchema,
    reply: audioDevicesSchema,
    roles: ['agent'],
    audit: { action: 'settings.change' }, // S-6
  }),
  getPhoneShortcuts: defineMethod({
    summary: 'Keyboard shortcuts for answer, hang up, hold and mute.',
    request: z.object({}).strict(),
    reply: phoneShortcutsSchema,
    roles: ['agent'],
  }),
  savePhoneShortcuts: defineMethod({
    summary: 'Change the keyboard shortcuts (Electron re-registers the global ones).',
    request: phoneShortcutsSchema,
    reply: phoneShortcutsSchema,
    roles: ['agent'],
    audit: { action: 'settings.change' }, // S-6
  }),
  getGlobalShortcutStatus: defineMethod({
    summary: 'Which global shortcuts could not be registered because another application holds them.',
    request: z.object({}).strict(),
    reply: globalShortcutStatusSchema,
    roles: ['agent'],
  }),
  performPhoneShortcut: defineMethod({
    summary: 'Do what a shortcut means now: answer the ringing call, hang up, hold/resume or mute/unmute the current call.',
    request: z.object({ action: phoneShortcutActionSchema }).strict(),
    reply: z.object({ done: z.boolean(), callId: z.string().nullable() }).strict(),
    roles: ['agent'],
  }),
  reportNetworkChanged: defineMethod({
    summary: 'The network came back (browser "online" event): the softphone reconnects now, not on backoff.',
    request: z.object({}).strict(),
    reply: z.object({}).strict(),
    roles: everyRole,
  }),
};

export const phonePreferenceEvents = {
  onAudioDevicesChanged: audioDevicesSchema,
  onPhoneShortcutsChanged: phoneShortcutsSchema,
  /** The global shortcuts were (re)registered: which ones another application holds. */
  onGlobalShortcutStatus: globalShortcutStatusSchema,
};
