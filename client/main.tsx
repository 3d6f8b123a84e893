// Start-up: read the URL, connect the socket to the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectStore } from './net/connect.ts';
import { appStore } from './store/index.ts';
import './styles/base.css';

appStore.getState().syncRoute(window.location.pathname);
window.addEventListener('popstate', () => appStore.getState().syncRoute(window.location.pathname));
connectStore(appStore);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
