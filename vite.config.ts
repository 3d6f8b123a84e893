import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web client lives in client/ and imports only pure code from server/engine and server/protocol.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
});
