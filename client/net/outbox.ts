// Trainee events waiting for the server's ack, per session, in the order they were made. Kept in
// localStorage so a reply typed offline survives a reload; each keeps its clientMsgId for good, so
// sending it again after a lost ack is a retry the server recognises, never a second reply.
import type { KeyValueStorage } from '../store/persist.ts';
import { KEYS, readJson, writeJson } from '../store/persist.ts';
import type { NetError, OutboxItem } from '../store/types.ts';

const STATES = new Set(['queued', 'sending', 'failed']);

function isItem(v: unknown): v is OutboxItem {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const payload = o['payload'] as Record<string, unknown> | null;
  return (
    typeof o['clientMsgId'] === 'string' &&
    typeof o['event'] === 'string' &&
    typeof o['queuedAt'] === 'number' &&
    STATES.has(o['state'] as string) &&
    typeof payload === 'object' &&
    payload !== null &&
    payload['clientMsgId'] === o['clientMsgId']
  );
}

export class Outbox {
  private readonly bySession = new Map<string, OutboxItem[]>();

  constructor(private readonly storage: KeyValueStorage | null) {}

  /** Read what a previous page left; anything it was sending goes back in the queue. */
  load(sessionId: string): readonly OutboxItem[] {
    const raw = readJson(this.storage, KEYS.outbox(sessionId));
    const items = Array.isArray(raw) ? raw.filter(isItem).filter((i) => i.payload.sessionId === sessionId) : [];
    const mine = this.bySession.get(sessionId) ?? [];
    const merged = [...items.filter((i) => !mine.some((m) => m.clientMsgId === i.clientMsgId)), ...mine];
    this.put(sessionId, merged.map((i) => (i.state === 'sending' ? { ...i, state: 'queued' } : i)));
    return this.list(sessionId);
  }

  list(sessionId: string): readonly OutboxItem[] {
    return this.bySession.get(sessionId) ?? [];
  }

  add(sessionId: string, item: OutboxItem): void {
    this.put(sessionId, [...this.list(sessionId), item]);
  }

  /** The next event to send: the first queued one, unless one is already on its way. */
  next(sessionId: string): OutboxItem | undefined {
    const items = this.list(sessionId);
    if (items.some((i) => i.state === 'sending')) return undefined;
    return items.find((i) => i.state === 'queued');
  }

  mark(sessionId: string, clientMsgId: string, state: OutboxItem['state'], error?: NetError): void {
    this.put(
      sessionId,
      this.list(sessionId).map((i) => {
        if (i.clientMsgId !== clientMsgId) return i;
        const { error: _old, ...rest } = i;
        return (error ? { ...rest, state, error } : { ...rest, state }) as OutboxItem;
      }),
    );
  }

  remove(sessionId: string, clientMsgId: string): void {
    this.put(sessionId, this.list(sessionId).filter((i) => i.clientMsgId !== clientMsgId));
  }

  /** The connection dropped: whatever was on its way goes again after the next resume. */
  requeueSending(): string[] {
    const touched: string[] = [];
    for (const [sessionId, items] of this.bySession) {
      if (!items.some((i) => i.state === 'sending')) continue;
      this.put(sessionId, items.map((i) => (i.state === 'sending' ? { ...i, state: 'queued' } : i)));
      touched.push(sessionId);
    }
    return touched;
  }

  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
    this.storage?.removeItem(KEYS.outbox(sessionId));
  }

  private put(sessionId: string, items: OutboxItem[]): void {
    this.bySession.set(sessionId, items);
    if (items.length === 0) this.storage?.removeItem(KEYS.outbox(sessionId));
    else writeJson(this.storage, KEYS.outbox(sessionId), items);
  }
}
