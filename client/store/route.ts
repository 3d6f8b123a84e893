// The few pages and their stable URLs: a session's chat and report can be bookmarked and reloaded.
export type Route =
  | { name: 'home' }
  | { name: 'chat'; sessionId: string | null }
  | { name: 'report'; sessionId: string }
  | { name: 'drill' }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9-]{1,64})';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/chat') return { name: 'chat', sessionId: null };
  if (path === '/drill') return { name: 'drill' };
  const chat = new RegExp(`^/chat/${ID}$`).exec(path);
  if (chat) return { name: 'chat', sessionId: chat[1] as string };
  const report = new RegExp(`^/report/${ID}$`).exec(path);
  if (report) return { name: 'report', sessionId: report[1] as string };
  return { name: 'not-found' };
}

export const paths = {
  home: '/',
  chat: (sessionId?: string) => (sessionId ? `/chat/${sessionId}` : '/chat'),
  report: (sessionId: string) => `/report/${sessionId}`,
  drill: '/drill',
};
