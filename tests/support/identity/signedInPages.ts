// E2E pages open signed in (issue 13) the way a reloaded tab does: the page's sessionStorage holds
// the resume token of a session the harness signed in, and the renderer resumes it on load. Every
// browser context a test opens learns the token of every web host started in this file.
import type { Browser, BrowserContext } from 'playwright-core';

/** Where the renderer keeps its resume token (renderer/api/sessionToken.ts). */
export const resumeTokenKey = 'deskline.resumeToken';

const tokensByOrigin = new Map<string, string>();
let pagesInUse = false;

/** Whether this test file opens pages through {@link signedInBrowser} (only then do hosts mint a page session). */
export function signedInPagesInUse(): boolean {
  return pagesInUse;
}
const contexts = new Set<BrowserContext>();

async function seed(context: BrowserContext, origin: string, token: string): Promise<void> {
  await context.addInitScript(
    ([o, t, key]) => {
      if (location.origin === o && sessionStorage.getItem(key) === null) sessionStorage.setItem(key, t);
    },
    [origin, token, resumeTokenKey] as const,
  );
}

/** A host started: pages on its origin open signed in with `token`. */
export async function registerSignedInOrigin(origin: string, token: string): Promise<void> {
  tokensByOrigin.set(origin, token);
  await Promise.all([...contexts].map((context) => seed(context, origin, token).catch(() => undefined)));
}

async function track(context: BrowserContext): Promise<BrowserContext> {
  contexts.add(context);
  context.once('close', () => contexts.delete(context));
  for (const [origin, token] of tokensByOrigin) await seed(context, origin, token);
  return context;
}

const unwrapped = Symbol('the browser under signedInBrowser');

/** A context that opens every host signed out (its person signs in through the form). */
export function newSignedOutContext(browser: Browser): Promise<BrowserContext> {
  const raw = (browser as Browser & { [unwrapped]?: Browser })[unwrapped] ?? browser;
  return raw.newContext();
}

/** `browser` whose newContext/newPage give contexts that open every registered host signed in. */
export function signedInBrowser(browser: Browser): Browser {
  pagesInUse = true;
  return new Proxy(browser, {
    get(target, property, receiver) {
      if (property === unwrapped) return target;
      if (property === 'newContext') return async (...args: Parameters<Browser['newContext']>) => track(await target.newContext(...args));
      if (property === 'newPage') {
        return async (...args: Parameters<Browser['newContext']>) => {
          const context = await track(await target.newContext(...args));
          const page = await context.newPage();
          // Like Browser.newPage: the context goes with its page.
          page.once('close', () => void context.close().catch(() => undefined));
          return page;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
