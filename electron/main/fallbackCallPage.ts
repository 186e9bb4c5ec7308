// The fallback "incoming call" window's page (issue 21, S-1.1: a ring still reaches the agent after a renderer crash loop) and
// what its links mean. Pure: the page is static HTML without script (the window also runs with
// JavaScript off), every caller-supplied text is escaped, and its buttons are links to
// app://deskline/fallback/… that the shell intercepts in 'will-navigate' and never loads.
import type { CallView } from '../../shared/contract/softphone';

export type FallbackLanguage = 'en' | 'zh-CN';

export type FallbackAction = { kind: 'answer'; callId: string } | { kind: 'decline'; callId: string } | { kind: 'reload' };

const actionBase = 'app://deskline/fallback/';

const texts = {
  en: {
    title: 'Deskline — incoming calls',
    heading: 'Deskline’s window keeps crashing',
    explain: 'Your calls are still handled here. Reload Deskline to get the full window back.',
    ringing: 'Incoming call',
    active: 'On a call',
    held: 'On hold',
    none: 'No call is ringing.',
    answer: 'Answer',
    answering: 'Answering — Deskline is reloading for the audio…',
    decline: 'Decline',
    reload: 'Reload Deskline',
    unknownCaller: 'Unknown caller',
  },
  'zh-CN': {
    title: 'Deskline — 来电',
    heading: 'Deskline 窗口反复崩溃',
    explain: '您的通话仍在这里处理。重新加载 Deskline 以恢复完整窗口。',
    ringing: '来电',
    active: '通话中',
    held: '保持中',
    none: '没有来电。',
    answer: '接听',
    answering: '正在接听——Deskline 正在重新加载以接通音频…',
    decline: '拒接',
    reload: '重新加载 Deskline',
    unknownCaller: '未知来电',
  },
} satisfies Record<FallbackLanguage, Record<string, string>>;

export function fallbackLanguage(locale: string | null | undefined): FallbackLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** HTML text and attribute escaping: a display name is whatever the far end put in From. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** No script, nothing fetched: only inline style; links navigate (and are intercepted). */
export const fallbackPageCsp = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export interface FallbackPageInput {
  calls: readonly CallView[];
  lang: FallbackLanguage;
  /** Calls the agent answered here that wait for the reloaded window's audio. */
  answering: ReadonlySet<string>;
}

function actionUrl(kind: 'answer' | 'decline', callId: string): string {
  return `${actionBase}${kind}?call=${encodeURIComponent(callId)}`;
}

function callItem(view: CallView, input: FallbackPageInput): string {
  const t = texts[input.lang];
  const name = view.remote.name?.trim();
  const who = name ? `${name} (${view.remote.number})` : view.remote.number || t.unknownCaller;
  const ringing = view.direction === 'inbound' && view.phase === 'ringing';
  const label = ringing ? t.ringing : view.phase === 'held' ? t.held : t.active;
  let controls = '';
  if (ringing && input.answering.has(view.callId)) controls = `<p role="status">${escapeHtml(t.answering)}</p>`;
  else if (ringing)
    controls =
      `<a class="button answer" href="${escapeHtml(actionUrl('answer', view.callId))}">${escapeHtml(t.answer)}</a> ` +
      `<a class="button decline" href="${escapeHtml(actionUrl('decline', view.callId))}">${escapeHtml(t.decline)}</a>`;
  return `<li><span class="label">${escapeHtml(label)}</span> <strong>${escapeHtml(who)}</strong> ${controls}</li>`;
}

/** The whole page for the calls that are live now (ended ones are left out). */
export function fallbackCallPage(input: FallbackPageInput): string {
  const t = texts[input.lang];
  const live = input.calls.filter((view) => view.phase !== 'ended');
  const list = live.length > 0 ? `<ul>${live.map((view) => callItem(view, input)).join('')}</ul>` : `<p>${escapeHtml(t.none)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${input.lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${fallbackPageCsp}">`,
    `<title>${escapeHtml(t.title)}</title>`,
    '<style>body{font:15px system-ui,sans-serif;margin:16px}ul{list-style:none;padding:0}li{margin:8px 0}',
    '.button{display:inline-block;padding:6px 14px;margin:4px;border-radius:4px;color:#fff;text-decoration:none}',
    '.answer{background:#1a7f37}.decline{background:#b42318}.reload{background:#1f4e8c}</style>',
    '</head><body>',
    `<h1>${escapeHtml(t.heading)}</h1><p>${escapeHtml(t.explain)}</p>`,
    list,
    `<p><a class="button reload" href="${actionBase}reload">${escapeHtml(t.reload)}</a></p>`,
    '</body></html>',
  ].join('');
}

/** The page as a data: URL for BrowserWindow.loadURL. */
export function fallbackPageUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/** What a navigation attempted from the fallback page asks for; null for anything else. */
export function parseFallbackAction(url: string): FallbackAction | null {
  if (!url.startsWith(actionBase)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const kind = parsed.pathname.replace(/^\/fallback\//, '');
  if (kind === 'reload') return { kind: 'reload' };
  const callId = parsed.searchParams.get('call');
  if ((kind === 'answer' || kind === 'decline') && callId) return { kind, callId };
  return null;
}
