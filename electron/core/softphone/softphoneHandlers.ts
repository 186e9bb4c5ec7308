// The softphone's contract handlers, and the composition of its service over the host's ports.
import { ContractError } from '../../../shared/contract/envelope';
import type { softphoneMethods } from '../../../shared/contract/softphone';
import type { ApiHandlers, CallerContext } from '../kernel/dispatcher';
import type { EventHub } from '../kernel/eventHub';
import type { CorePorts } from '../ports';
import { InMemoryCallLists } from './inMemoryCallLists';
import { MediaBridge } from './mediaBridge';
import type { CallListRepository, MediaPort, SecretStore, SipPort } from './ports';
import { softphoneNumberView } from './softphoneNumberViews';
import { SoftphoneService } from './softphoneService';
import { SoftphoneSettings } from './softphoneSettings';
import { WakeDetector } from '../../../shared/domain/wakeDetector';

/** What a host passes in to have a softphone (CorePorts.softphone). */
export interface SoftphonePorts {
  /** Builds the SIP adapter over the media port the core provides (the renderer bridge). */
  createSip(media: MediaPort): SipPort;
  secrets: SecretStore;
  /** Defaults to an in-memory list until the store lands. */
  callLists?: CallListRepository;
  /** Register at start when an account is saved (default true). */
  autoRegister?: boolean;
}

export interface Softphone {
  service: SoftphoneService;
  media: MediaBridge;
}

export async function createSoftphone(ports: CorePorts & { softphone: SoftphonePorts }, eventHub: EventHub): Promise<Softphone> {
  const media = new MediaBridge({ clock: ports.clock, send: (request) => eventHub.emit('onMediaRequest', request) });
  const settings = new SoftphoneSettings(ports.settings, ports.softphone.secrets, ports.logger);
  const service = new SoftphoneService({
    clock: ports.clock,
    sip: ports.softphone.createSip(media),
    settings,
    callLists: ports.softphone.callLists ?? new InMemoryCallLists(),
    eventHub,
    logger: ports.logger,
  });
  // After a sleep the SIP WebSocket is usually dead and the binding may have expired: reconnect now.
  const wake = new WakeDetector(ports.clock, (sleptMs) => {
    ports.logger.info('The machine woke from sleep; reconnecting the softphone', { sleptMs });
    service.networkChanged();
  });
  wake.start();
  service.onClose(() => wake.stop());
  if (ports.softphone.autoRegister !== false && (await settings.account())) {
    void service.register().catch((error: unknown) => ports.logger.warn('Softphone registration failed', { error: String(error) }));
  }
  return { service, media };
}

type SoftphoneHandlers = Pick<ApiHandlers, keyof typeof softphoneMethods>;

/** `phoneOwnerId`: the user the phone belongs to, who sees its calls' numbers in full (S-6). */
export function softphoneHandlers(softphone: Softphone | null, phoneOwnerId: string | null): SoftphoneHandlers {
  const need = (): Softphone => {
    if (!softphone) throw new ContractError('UNAVAILABLE', 'This host has no softphone.');
    return softphone;
  };
  const s = () => need().service;
  const view = (caller: CallerContext) => softphoneNumberView(caller, phoneOwnerId);
  return {
    getSoftphoneSettings: () => s().settingsView(),
    saveSoftphoneSettings: (request) => s().saveSettings(request),
    getSoftphoneState: (_request, caller) => view(caller).state(s().state()),
    register: () => s().register(),
    unregister: () => s().unregister(),
    answerCall: ({ callId }) => s().answerCall(callId),
    declineCall: ({ callId }) => s().declineCall(callId),
    hangUp: ({ callId }) => s().hangUp(callId),
    holdCall: ({ callId }) => s().holdCall(callId),
    resumeCall: ({ callId }) => s().resumeCall(callId),
    muteCall: ({ callId }) => s().setMuted(callId, true),
    unmuteCall: ({ callId }) => s().setMuted(callId, false),
    sendDtmf: ({ callId, tones }) => s().sendDtmf(callId, tones),
    blindTransfer: ({ callId, target }) => s().blindTransfer(callId, target),
    startConsultCall: ({ callId, target }) => s().startConsultCall(callId, target),
    completeAttendedTransfer: ({ callId, consultCallId }) => s().completeAttendedTransfer(callId, consultCallId),
    dial: ({ target }) => s().dial(target),
    getCallLists: async (_request, caller) => view(caller).callLists(await s().callLists()),
    markMissedCallsSeen: async (_request, caller) => view(caller).callLists(await s().markMissedCallsSeen()),
    completeMediaRequest: ({ requestId, sdp, error }) => ({
      accepted: need().media.complete(requestId, error !== undefined ? { error } : { sdp }),
    }),
    reattachMedia: async () => {
      // Sent by a renderer that (re)started: what the previous one prepared may be gone with it.
      softphone?.media.discardAllPrepared();
      return { renegotiated: await s().reattachMedia() };
    },
  };
}
