// Serves the built renderer from app://deskline/ with the strict CSP, instead of file:// (which
// would give the page access to every local file's origin).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../host/contentSecurityPolicy';
import { appScheme, appSchemePrivileges } from './appOrigin';
import { resolveRendererFile } from './rendererFile';

export { appOrigin, appScheme } from './appOrigin';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { ...appSchemePrivileges } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    if (file.endsWith('.html')) headers.set('Content-Security-Policy', contentSecurityPolicy([]));
    return new Response(response.body, { status: response.status, headers });
  });
}
