// One entry of the settings file, validated on the way in and on the way out: a hand-edited,
// broken or older entry falls back to the defaults rather than breaking the feature that reads it,
// and defaults fill fields added since the file was written.
import type { z } from 'zod';
import type { SettingsPort } from './ports';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class SettingsSection<T> {
  constructor(
    private readonly settings: SettingsPort,
    private readonly key: string,
    private readonly schema: z.ZodType<T>,
    private readonly defaults: T,
  ) {}

  get(): T {
    const stored = this.settings.get<unknown>(this.key, null);
    const candidate = isRecord(stored) && isRecord(this.defaults) ? { ...this.defaults, ...stored } : stored;
    const parsed = this.schema.safeParse(candidate);
    return parsed.success ? parsed.data : this.defaults;
  }

  /** Throws (nothing saved) if `next` does not fit; returns what a later get() will read. */
  save(next: T): T {
    this.settings.set(this.key, this.schema.parse(next));
    return this.get();
  }
}
