// RFC 4028 session timers: what an incoming INVITE asks for, as our 200 OK must state it.

/**
 * The session timer an INVITE asks for (RFC 4028 §9), as our 200 OK must state it: the interval
 * (at least the 90 s minimum) and who refreshes. The caller refreshes unless it asked us to.
 */
export function sessionTimerOf(request: { getHeader(name: string): string | undefined }): { seconds: number; refresher: 'uac' | 'uas' } | null {
  const header = request.getHeader('Session-Expires') ?? request.getHeader('x');
  if (!header) return null;
  const seconds = Number(/^\s*(\d+)/.exec(header)?.[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const refresher = /;\s*refresher\s*=\s*uas\b/i.test(header) ? 'uas' : 'uac';
  return { seconds: Math.max(90, seconds), refresher };
}
