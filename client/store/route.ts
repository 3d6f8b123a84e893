// The few pages and their stable URLs: a session's chat and report can be bookmarked and reloaded.
export type Route =
  | { name: 'home' }
  | { name: 'chat'; sessionId: string | null }
  | { name: 'report'; sessionId: string }
  /** `badCode`: came as /join/<badCode>, which is no 6-digit code: the entry says what a code is */
  | { name: 'drill'; badCode?: string }
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
  // A mistyped join link: the code entry, with a word on what a code looks like.
  const mistyped = /^\/join\/([^/]{1,32})$/.exec(path);
  if (mistyped) return { name: 'drill', badCode: safeDecode(mistyped[1] as string) };
  // The rest of a trainer path is a trainer page (parseTrainerPage below).
  if (path === '/trainer' || path.startsWith('/trainer/')) return { name: 'trainer', sub: path.slice('/trainer'.length) };
  const chat = new RegExp(`^/chat/${ID}$`).exec(path);
  if (chat) return { name: 'chat', sessionId: chat[1] as string };
  const report = new RegExp(`^/report/${ID}$`).exec(path);
  if (report) return { name: 'report', sessionId: report[1] as string };
  return { name: 'not-found' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * A trainer area page, from the path after /trainer. Parsed here rather than in the lazy trainer
 * chunk so the top bar (on every page) can mark where the trainer is. Any other path shows the
 * drills home, as it always has.
 */
export type TrainerPage =
  | { page: 'drills' }
  | { page: 'account' }
  | { page: 'studio'; sub: string }
  | { page: 'drill'; drillId: string }
  | { page: 'results'; drillId: string };

export function parseTrainerPage(sub: string): TrainerPage {
  if (sub === '/account') return { page: 'account' };
  if (sub === '/studio' || sub.startsWith('/studio/')) return { page: 'studio', sub: sub.slice('/studio'.length) };
  const drill = new RegExp(`^/drill/${ID}$`).exec(sub);
  if (drill) return { page: 'drill', drillId: drill[1] as string };
  const results = new RegExp(`^/results/${ID}$`).exec(sub);
  if (results) return { page: 'results', drillId: results[1] as string };
  return { page: 'drills' };
}

export const paths = {
  home: '/',
  chat: (sessionId?: string) => (sessionId ? `/chat/${sessionId}` : '/chat'),
  report: (sessionId: string) => `/report/${sessionId}`,
  drill: '/drill',
  join: (code: string) => `/join/${code}`,
  trainer: (sub = '') => `/trainer${sub}`,
  trainerAccount: '/trainer/account',
};
