// An error's message for logs and SIP-side status texts, whatever was thrown.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
