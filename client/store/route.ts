// The few pages and their stable URLs: a session's chat and report can be bookmarked and reloaded.
export type Route =
  | { name: 'home' }
  | { name: 'chat'; sessionId: string | null }
  | { name: 'report'; sessionId: string }
  | { name: 'drill' }
  | { name: 'join'; code: string }
  | { name: 'trainer'; sub: string }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9-]{1,64})';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/chat') return { name: 'chat', sessionId: null };
  if (path === '/drill') return { name: 'drill' };
  const join = /^\/join\/(\d{6})$/.exec(path);
  if (join) return { name: 'join', code: join[1] as string };
  // The trainer area parses the rest of its path itself (it is a lazy chunk).
  if (path === '/trainer' || path.startsWith('/trainer/')) return { name: 'trainer', sub: path.slice('/trainer'.length) };
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
  join: (code: string) => `/join/${code}`,
  trainer: (sub = '') => `/trainer${sub}`,
};
