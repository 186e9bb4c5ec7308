// The platform ports every feature may use: settings, logging and what the host says about itself.
// A host passes in its own adapters (electron-store or conf, its logger); time is the shared Clock.
import type { Language } from '../../../shared/contract/appInfo';
import type { Role } from '../../../shared/contract/roles';
import type { Clock } from '../../../shared/domain/clock';

/** User settings (not data): electron-store in Electron, conf in the web host; same file format. */
export interface SettingsPort {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface HostInfo {
  host: 'electron' | 'web';
  version: string;
  languageOverride: Language | null;
  /**
   * Who the desk's calls belong to while no agent is signed in at it (issue 13: people sign in per
   * connection; the hosts pass agent/"local"; in-process test cores pick their own).
   */
  role: Role;
  userId: string;
}

/** What the host gives every feature. */
export interface PlatformPorts {
  clock: Clock;
  settings: SettingsPort;
  logger: Logger;
  hostInfo: HostInfo;
}
