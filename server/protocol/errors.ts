// The one answer shape of every client-to-server event, and the error codes it can carry.
import type { SessionErrorCode } from '../engine/index.ts';

export type ProtocolErrorCode =
  /** the payload is not what the event expects (types, missing fields) */
  | 'bad-request'
  /** the payload is over MAX_PAYLOAD_BYTES */
  | 'too-large'
  /** a reply is over MAX_REPLY_CHARS */
  | 'too-long'
  /** more than RATE_LIMIT events in the window on this socket */
  | 'rate-limited'
  | 'unknown-event'
  /** the session token is missing, forged or for another session */
  | 'unauthorized'
  /** this socket has not started or resumed that session */
  | 'forbidden'
  /** no such session or scenario */
  | 'not-found'
  /** the scenario exists but does not load (invalid file) or the requested version is gone */
  | 'scenario-unavailable'
  /**
   * passing: the database cannot be reached, or the session/drill is moving between nodes; nothing
   * was recorded — send again (same clientMsgId) shortly. `internal` is kept for real faults.
   */
  | 'unavailable'
  | 'internal';

/** Protocol codes, plus the engine's codes for events that are impossible at this point of a chat. */
export type ErrorCode = ProtocolErrorCode | SessionErrorCode;

export interface AckError {
  code: ErrorCode;
  message: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: AckError } {
  return { ok: false, error: { code, message } };
}
