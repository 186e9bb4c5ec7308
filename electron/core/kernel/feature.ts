// The shape every feature's create<Feature>() returns, and what the kernel hands to each feature.
import type { MethodName } from '../../../shared/contract/api';
import type { Desk } from './desk';
import type { ApiHandlers } from './dispatcher';
import type { EventHub } from './eventHub';
import type { PlatformPorts } from './platformPorts';

/** The platform ports plus the one event hub the features publish on. */
export interface Kernel extends PlatformPorts {
  eventHub: EventHub;
  /** Who is at this desk: the agent the phone's calls belong to (identity sets it). */
  desk: Desk;
}

/** A feature answers its own contract methods and releases what it holds on close. */
export interface Feature<M extends MethodName> {
  handlers: Pick<ApiHandlers, M>;
  close(): Promise<void> | void;
}
