// Hands a file made by the host to the browser as a download: a Blob behind an object URL and an
// <a download> click. No CSP change is needed (a download is not a fetch, frame or script), and the
// file never goes through a server URL that a second tab could reuse.
export function downloadTextFile(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
