// The resume token of this tab's session (issue 13): kept per tab in sessionStorage, so a reload
// or a reconnected WebSocket re-attaches to the same session and another tab signs in on its own.
const key = 'deskline.resumeToken';

export const sessionToken = {
  get(): string | null {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(token: string): void {
    try {
      window.sessionStorage.setItem(key, token);
    } catch {
      // Storage refused (private mode): the session then lasts as long as the connection.
    }
  },
  clear(): void {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // nothing kept
    }
  },
};
