// The STUN/TURN field shows one URL per line, but a server also carries its TURN username and
// credential (set in the settings file or by an admin): saving the form must not drop them. A
// server whose URLs are all still listed is kept whole; URLs new to the list become servers of
// their own.
import type { IceServer } from '../../../shared/contract/softphone';

export const iceServersToText = (servers: readonly IceServer[]): string => servers.flatMap((s) => s.urls).join('\n');

export function iceServersFromText(text: string, previous: readonly IceServer[]): IceServer[] {
  const urls = [...new Set(text.split(/\s+/).filter(Boolean))];
  const kept = previous.filter((server) => server.urls.every((url) => urls.includes(url)));
  const covered = new Set(kept.flatMap((s) => s.urls));
  return [...kept, ...urls.filter((url) => !covered.has(url)).map((url) => ({ urls: [url] }))];
}
