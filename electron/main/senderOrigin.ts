// Who may call the contract over IPC: the main frame of our own page on app://deskline, nothing
// else (conventions §4, VS Code's validatedIpcMain). Pure, so it is tested with the values
// Electron documents for WebFrameMain.
import { appOrigin, isAppUrl } from './appOrigin';

/** The parts of Electron's WebFrameMain (docs/api/web-frame-main.md) the check reads. */
export interface SenderFrame {
  /** "A string representing the current URL of the frame." */
  readonly url: string;
  /** "The current origin of the frame, serialized according to RFC 6454"; "null" when opaque. */
  readonly origin: string;
  /** "null if frame is the top frame in the frame hierarchy." */
  readonly parent: unknown;
}

/**
 * True only for the top frame showing app://deskline/… whose origin is app://deskline.
 * `event.senderFrame` is null when the frame navigated away or was destroyed before the message
 * was handled (Electron docs, IpcMainInvokeEvent.senderFrame): refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  // A scheme registered `standard` has a scheme/host/port triple, so Electron reports the tuple
  // origin "app://deskline". An opaque origin ("null": a sandboxed document, a data: or
  // about:blank child) on an app:// URL is not our page's security context: refused.
  return frame.origin === appOrigin;
}
