// Issue 21: the fallback call window's page is static, script-free HTML built from call views;
// hostile display names are escaped, the words follow the language, and only our own links act.
import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../../shared/contract/softphone';
import {
  escapeHtml,
  fallbackCallPage,
  fallbackLanguage,
  fallbackPageCsp,
  fallbackPageUrl,
  parseFallbackAction,
} from '../../../../electron/main/fallbackCallPage';

function view(callId: string, phase: CallView['phase'], remote: CallView['remote'] = { number: '3001', name: null }, extra: Partial<CallView> = {}): CallView {
  const stamp = { monotonic: 0, wall: 0 };
  return {
    callId,
    direction: 'inbound',
    phase,
    remote,
    muted: false,
    waiting: false,
    consultFor: null,
    transfer: null,
    offeredAt: stamp,
    ringingAt: stamp,
    answeredAt: null,
    endedAt: null,
    end: null,
    ...extra,
  };
}
const none = new Set<string>();

describe('fallback call page', () => {
  it('shows who is calling with Answer and Decline links for that call, and a Reload Deskline link', () => {
    const html = fallbackCallPage({ calls: [view('c 1/&x', 'ringing', { number: '3001', name: 'Li Wei' })], lang: 'en', answering: none });
    expect(html).toContain('Li Wei (3001)');
    expect(html).toContain('href="app://deskline/fallback/answer?call=c%201%2F%26x"');
    expect(html).toContain('href="app://deskline/fallback/decline?call=c%201%2F%26x"');
    expect(html).toContain('href="app://deskline/fallback/reload">Reload Deskline</a>');
  });

  it('escapes a hostile display name and number; no markup of theirs survives', () => {
    const hostile = { number: '"><img src=x onerror=alert(1)>', name: '<script>alert("x")</script>\'`' };
    const html = fallbackCallPage({ calls: [view('c1', 'ringing', hostile)], lang: 'en', answering: none });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#39;&#96;');
    expect(escapeHtml('a&b')).toBe('a&#38;b');
  });

  it('has a strict CSP that allows no script and fetches nothing', () => {
    const html = fallbackCallPage({ calls: [], lang: 'en', answering: none });
    expect(fallbackPageCsp).toContain("default-src 'none'");
    expect(fallbackPageCsp).not.toMatch(/script-src/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${fallbackPageCsp}">`);
    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(html).toContain('No call is ringing.');
    expect(decodeURIComponent(fallbackPageUrl(html).replace('data:text/html;charset=utf-8,', ''))).toBe(html);
  });

  it('speaks Chinese for zh locales, English otherwise', () => {
    expect(fallbackLanguage('zh-CN')).toBe('zh-CN');
    expect(fallbackLanguage('zh-TW')).toBe('zh-CN');
    expect(fallbackLanguage('en-US')).toBe('en');
    expect(fallbackLanguage(null)).toBe('en');
    const html = fallbackCallPage({ calls: [view('c1', 'ringing', { number: '3001', name: null })], lang: 'zh-CN', answering: none });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('来电');
    expect(html).toContain('>接听</a>');
    expect(html).toContain('>拒接</a>');
    expect(html).toContain('>重新加载 Deskline</a>');
  });

  it('shows calls in progress without buttons, an answered-here call as answering, and leaves ended calls out', () => {
    const html = fallbackCallPage({
      calls: [view('a', 'active', { number: '3002', name: null }), view('h', 'held'), view('r', 'ringing'), view('e', 'ended', { number: '3999', name: null })],
      lang: 'en',
      answering: new Set(['r']),
    });
    expect(html).toContain('On a call</span> <strong>3002</strong>');
    expect(html).toContain('On hold');
    expect(html).toContain('Answering — Deskline is reloading');
    expect(html).not.toContain('fallback/answer');
    expect(html).not.toContain('3999');
  });

  it('an outbound call that rings at the far end gets no Answer button', () => {
    const html = fallbackCallPage({ calls: [view('o', 'ringing', undefined, { direction: 'outbound' })], lang: 'en', answering: none });
    expect(html).not.toContain('fallback/answer');
  });
});

describe('fallback page links', () => {
  it('turns our links into actions', () => {
    expect(parseFallbackAction('app://deskline/fallback/answer?call=c%201%2F%26x')).toEqual({ kind: 'answer', callId: 'c 1/&x' });
    expect(parseFallbackAction('app://deskline/fallback/decline?call=c1')).toEqual({ kind: 'decline', callId: 'c1' });
    expect(parseFallbackAction('app://deskline/fallback/reload')).toEqual({ kind: 'reload' });
  });

  it.each([
    'https://evil.example/fallback/answer?call=c1',
    'app://deskline/index.html',
    'app://deskline/fallback/answer',
    'app://deskline/fallback/hangup?call=c1',
    'app://deskline.evil/fallback/reload',
    'data:text/html,hi',
    'not a url',
  ])('ignores %s', (url) => {
    expect(parseFallbackAction(url)).toBeNull();
  });
});
