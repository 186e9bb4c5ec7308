// The softphone's contract handlers over its service and the renderer's media bridge.
import type { softphoneMethods } from '../../../shared/contract/softphone';
import type { CallerContext } from '../kernel/caller';
import type { ApiHandlers } from '../kernel/dispatcher';
import type { MediaBridge } from './mediaBridge';
import { softphoneNumberView } from './softphoneNumberViews';
import type { SoftphoneService } from './softphoneService';

export type SoftphoneHandlers = Pick<ApiHandlers, keyof typeof softphoneMethods>;

/**
 * `phoneOwnerId`: the user the phone belongs to, who sees its calls' numbers in full (S-6).
 * `mediaReattached`: told once a (re)started page's old prepared answers are dropped and its
 * calls' renegotiation has begun, before it ends.
 */
export function softphoneHandlers(service: SoftphoneService, media: MediaBridge, phoneOwnerId: () => string | null, mediaReattached: () => void): SoftphoneHandlers {
  const view = (caller: CallerContext) => softphoneNumberView(caller, phoneOwnerId());
  return {
    getSoftphoneSettings: () => service.settingsView(),
    saveSoftphoneSettings: (request) => service.saveSettings(request),
    getSoftphoneState: (_request, caller) => view(caller).state(service.state()),
    register: () => service.register(),
    unregister: () => service.unregister(),
    answerCall: ({ callId }) => service.answerCall(callId),
    declineCall: ({ callId }) => service.declineCall(callId),
    hangUp: ({ callId }) => service.hangUp(callId),
    holdCall: ({ callId }) => service.holdCall(callId),
    resumeCall: ({ callId }) => service.resumeCall(callId),
    muteCall: ({ callId }) => service.setMuted(callId, true),
    unmuteCall: ({ callId }) => service.setMuted(callId, false),
    sendDtmf: ({ callId, tones }) => service.sendDtmf(callId, tones),
    blindTransfer: ({ callId, target }) => service.blindTransfer(callId, target),
    startConsultCall: ({ callId, target }) => service.startConsultCall(callId, target),
    completeAttendedTransfer: ({ callId, consultCallId }) => service.completeAttendedTransfer(callId, consultCallId),
    dial: ({ target }) => service.dial(target),
    getCallLists: async (_request, caller) => view(caller).callLists(await service.callLists()),
    markMissedCallsSeen: async (_request, caller) => view(caller).callLists(await service.markMissedCallsSeen()),
    completeMediaRequest: ({ requestId, sdp, error }) => ({
      accepted: media.complete(requestId, error !== undefined ? { error } : { sdp }),
    }),
    reattachMedia: async () => {
      // Sent by a renderer that (re)started: what the previous one prepared may be gone with it.
      media.discardAllPrepared();
      const renegotiation = service.reattachMedia();
      mediaReattached();
      return { renegotiated: await renegotiation };
    },
  };
}
