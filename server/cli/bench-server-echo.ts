// The baseline of `npm run bench`: a bare Socket.IO server on 127.0.0.1 that acknowledges every event
// at once, with the same limits as the app. What the transport alone can do on this machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { TRANSPORT_MAX_BYTES } from '../protocol/index.ts';

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false, maxHttpBufferSize: TRANSPORT_MAX_BYTES });
let sessions = 0;
io.on('connection', (socket) => {
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const data = event === 'session:start' ? { sessionId: `echo-${++sessions}` } : { messageId: null, at: Date.now() };
    (ack as (answer: unknown) => void)({ ok: true, data });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening', port: (httpServer.address() as AddressInfo).port }));
});
