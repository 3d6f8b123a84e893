// Wires the socket to the store: server events become store actions, and the store's actions reach
// the server through the socket. Called once at start-up.
import type { AppStore } from '../store/index.ts';
import { browserStorage } from '../store/persist.ts';
import { httpApi } from './api.ts';
import { withDrills } from './drillConnect.ts';
import { SessionSocket } from './SessionSocket.ts';

export function connectStore(store: AppStore): SessionSocket {
  const act = () => store.getState();
  const net = SessionSocket.inBrowser(
    {
      connection: (status) => act().netConnection(status),
      started: (info) => act().netStarted(info),
      resumed: (info) => act().netResumed(info),
      gone: (sessionId, error) => act().netGone(sessionId, error),
      event: (event) => act().netEvent(event),
      outbox: (sessionId, items) => act().netOutbox(sessionId, items),
      acked: (sessionId, clientMsgId, ack, midpoint) => act().netAcked(sessionId, clientMsgId, ack, midpoint),
    },
    browserStorage(),
  );
  act().attachBackend({ transport: withDrills(store, net, browserStorage()), api: httpApi });
  act().restoreSessions();
  return net;
}
