import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './client/scripts/precompress.ts';

// The web client lives in client/ and imports only pure code from server/engine and server/protocol.
// In `vite` dev mode the API and the socket go to a practice server on PORT (3000 by default).
const server = `http://127.0.0.1:${process.env['PORT'] ?? '3000'}`;

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
