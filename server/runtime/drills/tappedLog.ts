// The session log of drill sessions, with a tap: once a session's rows are committed, the drill
// hears of them (the start row, then every inbound event). The drill keeps a shadow of each
// session's engine state from them, so its dashboard needs nothing from inside LiveSession.
import type { LoggedEffect, LoggedEvent, SessionEnd, SessionRow } from '../../store/sessionLog.ts';
import { SessionLog } from '../../store/sessionLog.ts';

export type EventListener = (event: LoggedEvent) => void;

export class TappedSessionLog extends SessionLog {
  private readonly created = new Map<string, SessionRow>();
  private readonly listeners = new Map<string, EventListener>();

  override async create(session: SessionRow, effects: LoggedEffect[]): Promise<void> {
    await super.create(session, effects);
    this.created.set(session.id, session);
  }

  override async append(sessionId: string, event: LoggedEvent, end?: SessionEnd): Promise<void> {
    await super.append(sessionId, event, end);
    // Runs before the session's commit() goes on: the shadow is never behind what clients see.
    this.listeners.get(sessionId)?.(event);
  }

  /** The row of a session just created (once: the drill takes it to build its shadow). */
  takeCreated(sessionId: string): SessionRow | undefined {
    const row = this.created.get(sessionId);
    this.created.delete(sessionId);
    return row;
  }

  listen(sessionId: string, listener: EventListener): void {
    this.listeners.set(sessionId, listener);
  }

  unlisten(sessionId: string): void {
    this.listeners.delete(sessionId);
  }
}
