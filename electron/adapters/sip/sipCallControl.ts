// What can be done with a call the sip.js phone tracks: hold and ICE restart by re-INVITE, RFC 4028
// session refreshes, mute, DTMF, and transfer by REFER with its NOTIFY progress.
import { SessionState, type Notification, type Session, type URI } from 'sip.js';
import type { DtmfMode } from '../../../shared/contract/softphone';
import { cleanSipText } from '../../../shared/domain/callerIdText';
import type { SipPortListener } from '../../core/softphone/ports';
import type { CallRecord } from './callRecord';
import { errorMessage } from './errorMessage';
import { MediaPortSessionDescriptionHandler } from './mediaPortSessionDescriptionHandler';
import type { SipJsPhoneOptions } from './sipJsPhoneOptions';
import { withTimeout } from './withTimeout';

/**
 * Keypad tone length in the audio (RFC 4733; SIP INFO keeps 100 ms). Chromium sends a tone
 * shorter than ~160 ms as three RFC 4733 end packets with no start packet, each marked as a new
 * event: phone stacks then count one key press as several digits, or none (issue 20). 200 ms
 * gets a proper start, updates and end; 70 ms between tones is what sip.js and most phones use.
 */
const dtmfToneMs = 200;
const dtmfGapMs = 70;

export class SipCallControl {
  constructor(
    private readonly options: SipJsPhoneOptions,
    private readonly listener: () => SipPortListener,
  ) {}

  /**
   * RFC 4028 §10: the far end asked us to refresh the session; a re-INVITE with the current
   * direction every half interval keeps it (and the proxies' state) alive.
   */
  armSessionRefresh(record: CallRecord, seconds: number): void {
    record.refreshTimer = this.options.clock.setTimer(() => {
      record.refreshTimer = null;
      if (record.session.state !== SessionState.Established) return;
      void this.reinvite(record, { hold: record.held } as object).then(
        () => this.armSessionRefresh(record, seconds),
        (error: unknown) => this.options.logger.warn('Session refresh failed', { callId: record.session.id, error: errorMessage(error) }),
      );
    }, (seconds * 1000) / 2);
  }

  async setHold(record: CallRecord, hold: boolean): Promise<void> {
    // A re-INVITE sent before the ACK of our 200 OK breaks the dialog (sip-notes): wait for it.
    await withTimeout(this.options.clock, record.acked, this.options.ackWaitMs ?? 5000, 'The call is not confirmed yet (no ACK).');
    const options = { hold } as object;
    await this.reinvite(record, options);
    record.held = hold;
    // Re-INVITEs from the far end are answered with the same direction.
    record.session.sessionDescriptionHandlerOptionsReInvite = options;
  }

  async renegotiateMedia(record: CallRecord): Promise<void> {
    await withTimeout(this.options.clock, record.acked, this.options.ackWaitMs ?? 5000, 'The call is not confirmed yet (no ACK).');
    await this.reinvite(record, { hold: record.held, iceRestart: true } as object);
  }

  private reinvite(record: CallRecord, options: object): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      record.session
        .invite({
          sessionDescriptionHandlerOptions: options,
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) =>
              reject(new Error(`re-INVITE refused: ${response.message.statusCode} ${cleanSipText(response.message.reasonPhrase)}`)),
          },
        })
        .catch(reject);
    });
  }

  async setMuted(record: CallRecord, muted: boolean): Promise<void> {
    const handler = record.session.sessionDescriptionHandler;
    if (!(handler instanceof MediaPortSessionDescriptionHandler)) throw new Error('The call has no media yet.');
    await handler.setMuted(muted);
  }

  async sendDtmf(record: CallRecord, tones: string, mode: DtmfMode): Promise<void> {
    const session = record.session;
    if (mode === 'rfc4733') {
      const handler = session.sessionDescriptionHandler;
      if (!handler || !handler.sendDtmf(tones, { duration: dtmfToneMs, interToneGap: dtmfGapMs })) throw new Error('DTMF could not be sent.');
      return;
    }
    // SIP INFO (application/dtmf-relay), one request per tone, in order.
    for (const tone of tones) {
      await new Promise<void>((resolve, reject) => {
        session
          .info({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => reject(new Error(`INFO refused: ${response.message.statusCode}`)),
            },
            requestOptions: {
              body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100` },
            },
          })
          .catch(reject);
      });
    }
  }

  refer(record: CallRecord, referTo: URI | Session): Promise<void> {
    const callId = record.session.id;
    record.transferPending = true;
    return new Promise<void>((resolve, reject) => {
      record.session
        .refer(referTo, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => {
              record.transferPending = false;
              reject(new Error(`REFER refused: ${response.message.statusCode} ${cleanSipText(response.message.reasonPhrase)}`));
            },
          },
          onNotify: (notification: Notification) => {
            void notification.accept();
            const body = notification.request.body ?? '';
            const code = Number(/^SIP\/2\.0\s+(\d{3})/.exec(body.trim())?.[1] ?? 0);
            if (!record.transferPending || code < 200) return;
            record.transferPending = false;
            this.listener().onTransferProgress(callId, {
              status: code < 300 ? 'completed' : 'failed',
              detail: cleanSipText(body.trim().split(/\r?\n/)[0]),
            });
          },
        })
        .catch((error: unknown) => {
          record.transferPending = false;
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }
}
