// A ring must never go unseen: while an incoming call rings and the window is minimised or
// hidden, the window is brought back always-on-top (without stealing keyboard focus from what
// the agent is typing in) and its taskbar entry flashes; it stops as soon as ringing stops.
import type { BrowserWindow } from 'electron';
import type { CallView } from '../../shared/contract/softphone';
import type { EventHub } from '../core/kernel/eventHub';

export function bindRingAlert(eventHub: EventHub, window: () => BrowserWindow | null): () => void {
  const ringing = new Set<string>();
  let raised = false;
  return eventHub.subscribe((event, payload) => {
    if (event !== 'onCallUpdated') return;
    const view = payload as CallView;
    if (view.direction === 'inbound' && view.phase === 'ringing') ringing.add(view.callId);
    else ringing.delete(view.callId);
    const win = window();
    if (!win || win.isDestroyed()) return;
    if (ringing.size > 0 && !raised && (win.isMinimized() || !win.isVisible() || !win.isFocused())) {
      raised = true;
      if (win.isMinimized()) win.restore();
      win.setAlwaysOnTop(true, 'screen-saver');
      win.showInactive();
      win.flashFrame(true);
    } else if (ringing.size === 0 && raised) {
      raised = false;
      win.setAlwaysOnTop(false);
      win.flashFrame(false);
    }
  });
}
