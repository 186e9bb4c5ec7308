// Frames of the WebSocket binding used by the web host (Electron uses ipcRenderer.invoke instead).
import { z } from 'zod';
import { contractErrorSchema } from './envelope';

export const clientFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export const replyFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  reply: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: contractErrorSchema }),
  ]),
});
export const eventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });
/** Sent when a frame is so malformed that it has no id to reply to. */
export const protocolErrorFrameSchema = z.object({ protocolError: contractErrorSchema });
export const serverFrameSchema = z.union([replyFrameSchema, eventFrameSchema, protocolErrorFrameSchema]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

/** Upper bound for one frame; larger frames are refused before parsing. */
export const maxFrameBytes = 1024 * 1024;
