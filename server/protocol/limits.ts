// Edge limits shared by both ends, so the client can refuse what the server would refuse anyway.

/** A trainee reply, in characters (code points, so an emoji counts once). */
export const MAX_REPLY_CHARS = 2000;
/** One event's payload, in UTF-8 bytes of its JSON. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/**
 * Socket.IO's maxHttpBufferSize. Above MAX_PAYLOAD_BYTES so an oversized payload still reaches the
 * server and gets an error ack; far larger frames are cut at the transport before they are parsed.
 */
export const TRANSPORT_MAX_BYTES = 4 * MAX_PAYLOAD_BYTES;
/** Per socket: this many events in a sliding window, then error acks until the window moves on. */
export const RATE_LIMIT = { events: 20, windowMs: 10_000 } as const;

export const MAX_DISPLAY_NAME_CHARS = 40;
export const MAX_CLIENT_MSG_ID_CHARS = 64;
export const MAX_ID_CHARS = 128;

/**
 * Names (trainees, trainers) with control characters are refused: they render as nothing (a blank
 * tile on the dashboard) and PostgreSQL's text type rejects U+0000 outright.
 */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
