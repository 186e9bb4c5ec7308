// One entry of the settings file, validated on the way in and on the way out: a hand-edited,
// broken or older entry falls back to the defaults rather than breaking the feature that reads it,
// and defaults fill fields added since the file was written. The value is read once and kept:
// this section is the only writer of its key, and the ringing path reads some sections on every
// call (a read of the settings file is a synchronous file read and parse).
import type { z } from 'zod';
import type { SettingsPort } from './platformPorts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class SettingsSection<T> {
  private cached: { value: T } | null = null;

  constructor(
    private readonly settings: SettingsPort,
    private readonly key: string,
    private readonly schema: z.ZodType<T>,
    private readonly defaults: T,
  ) {}

  get(): T {
    this.cached ??= { value: this.read() };
    return this.cached.value;
  }

  /** Throws (nothing saved) if `next` does not fit; returns what a later get() will read. */
  save(next: T): T {
    this.settings.set(this.key, this.schema.parse(next));
    this.cached = null;
    return this.get();
  }

  private read(): T {
    const stored = this.settings.get<unknown>(this.key, null);
    const candidate = isRecord(stored) && isRecord(this.defaults) ? { ...this.defaults, ...stored } : stored;
    const parsed = this.schema.safeParse(candidate);
    return parsed.success ? parsed.data : this.defaults;
  }
}
