// Issue 21: the fallback call window after a crash loop — refreshed on call updates, Decline at
// once, Answer only once the reloaded page listens for media (its audio lives there), Reload.
import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../../shared/contract/softphone';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { createFallbackCallController, type FallbackWindowPort } from '../../../../electron/main/fallbackCallController';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function view(callId: string, phase: CallView['phase'], name: string | null = null): CallView {
  const stamp = { monotonic: 0, wall: 0 };
  return {
    callId,
    direction: 'inbound',
    phase,
    remote: { number: '3001', name },
    muted: false,
    waiting: false,
    consultFor: null,
    transfer: null,
    offeredAt: stamp,
    ringingAt: stamp,
    answeredAt: null,
    endedAt: null,
    end: null,
  };
}

function setup() {
  let calls: CallView[] = [];
  const done: string[] = [];
  const pages: string[] = [];
  const callListeners = new Set<(v: CallView) => void>();
  const rendererListeners = new Set<() => void>();
  let opened = 0;
  const controller = createFallbackCallController({
    phone: {
      calls: () => calls,
      answerCall: async (id) => done.push(`answer ${id}`),
      declineCall: async (id) => done.push(`decline ${id}`),
    },
    lang: 'en',
    logger: silent,
    openWindow: (): FallbackWindowPort => {
      opened++;
      return { show: (html) => pages.push(html), close: () => done.push('close window') };
    },
    reloadMainWindow: () => done.push('reload main'),
    onCallUpdated: (listener) => {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    onRendererStarted: (listener) => {
      rendererListeners.add(listener);
      return () => rendererListeners.delete(listener);
    },
  });
  const update = (v: CallView) => {
    calls = [...calls.filter((c) => c.callId !== v.callId), v];
    for (const l of callListeners) l(v);
  };
  return {
    controller,
    done,
    pages,
    update,
    setCalls: (c: CallView[]) => (calls = c),
    rendererStarted: () => [...rendererListeners].forEach((l) => l()),
    opened: () => opened,
    listeners: () => callListeners.size + rendererListeners.size,
  };
}

describe('fallback call window controller', () => {
  it('shows the ringing call and follows ringing and ended updates', () => {
    const s = setup();
    s.setCalls([view('c1', 'ringing', 'Li Wei')]);
    s.controller.show();
    expect(s.pages.at(-1)).toContain('Li Wei (3001)');
    s.update(view('c1', 'ended', 'Li Wei'));
    expect(s.pages.at(-1)).toContain('No call is ringing.');
    s.update(view('c2', 'ringing', 'Zhang San'));
    expect(s.pages.at(-1)).toContain('Zhang San');
  });

  it('Decline declines at once', () => {
    const s = setup();
    s.setCalls([view('c1', 'ringing')]);
    s.controller.show();
    s.controller.navigate('app://deskline/fallback/decline?call=c1');
    expect(s.done).toEqual(['decline c1']);
  });

  it('Answer reloads the main window and answers when the new page listens for media, once', () => {
    const s = setup();
    s.setCalls([view('c1', 'ringing')]);
    s.controller.show();
    s.controller.navigate('app://deskline/fallback/answer?call=c1');
    s.controller.navigate('app://deskline/fallback/answer?call=c1'); // a double click
    expect(s.done).toEqual(['reload main']);
    expect(s.pages.at(-1)).toContain('Answering');
    s.rendererStarted();
    expect(s.done).toEqual(['reload main', 'answer c1']);
    s.rendererStarted();
    expect(s.done).toEqual(['reload main', 'answer c1']);
  });

  it('does not answer a call that stopped ringing while the page reloaded', () => {
    const s = setup();
    s.setCalls([view('c1', 'ringing')]);
    s.controller.show();
    s.controller.navigate('app://deskline/fallback/answer?call=c1');
    s.update(view('c1', 'ended'));
    s.rendererStarted();
    expect(s.done).toEqual(['reload main']);
  });

  it('Reload Deskline reloads the main window; other URLs do nothing', () => {
    const s = setup();
    s.controller.show();
    s.controller.navigate('app://deskline/fallback/reload');
    s.controller.navigate('https://example.com/');
    expect(s.done).toEqual(['reload main']);
  });

  it('a window the agent closed comes back with the next ringing call; close() lets go of everything', () => {
    const s = setup();
    s.controller.show();
    expect(s.opened()).toBe(1);
    s.controller.windowClosed();
    s.update(view('c1', 'active'));
    expect(s.opened()).toBe(1);
    s.update(view('c2', 'ringing'));
    expect(s.opened()).toBe(2);
    s.controller.close();
    expect(s.done).toEqual(['close window']);
    expect(s.listeners()).toBe(0);
    s.update(view('c3', 'ringing'));
    expect(s.opened()).toBe(2);
  });
});
