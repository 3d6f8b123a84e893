// 最佳成绩 on the home page is the best a trainee truly reached: a chat left unfinished or one that
// crossed a red line fails whatever its points, and is not taken as a best score, whether its report
// came over the socket or was loaded over HTTP (the report page). Whether the best passed is kept
// with it; a bare number saved before is carried over with its verdict unknown (never dropped: that
// would erase a returning trainee's record), and the next attempt with a verdict at that score or
// above replaces it.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../client/store/index.ts';
import type { Api, ReportMarks, SessionView } from '../../client/store/types.ts';
import { FakeTransport, info, MemoryStorage } from './fakes.ts';

function report(over: Partial<ReportMarks> & { score: number }): ReportMarks {
  return { passed: false, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null }, ...over };
}

function store(api: Partial<Api> = {}, storage = new MemoryStorage()) {
  const s = createAppStore({ storage, now: () => 1000, history: { push: () => undefined, replace: () => undefined } });
  s.getState().attachBackend({
    transport: new FakeTransport(),
    api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined), ...api },
  });
  return s;
}

function ended(over: Partial<ReportMarks> & { score: number }, sessionId: string) {
  const s = store();
  s.getState().netStarted(info(sessionId));
  s.getState().netEvent({ name: 'session:report', payload: { sessionId, seq: 1, report: report(over), outcome: null } });
  return s.getState().best;
}

describe('the best score', () => {
  it('takes a finished chat, passed or not, and says which', () => {
    expect(ended({ score: 88, passed: true }, 's1')).toEqual({ bargainer: { score: 88, passed: true } });
    expect(ended({ score: 55 }, 's2')).toEqual({ bargainer: { score: 55, passed: false } });
  });

  it('leaves out an unfinished chat and one with a red line', () => {
    expect(ended({ score: 76, unfinished: 'no-ending' }, 's3')).toEqual({});
    expect(ended({ score: 61, redLines: ['no-qq'] }, 's4')).toEqual({});
  });

  it('leaves out an unfinished chat whose report page was opened', async () => {
    const s = info('s5');
    const view: SessionView = {
      session: { id: 's5', mode: 'practice', displayName: s.displayName, scenario: s.scenario, startedAt: 1, ended: true, lastSeq: 3 },
      transcript: [],
      report: { report: { ...report({ score: 80, unfinished: 'no-ending' }), rules: [] }, outcome: null },
    };
    const app = store({ session: () => Promise.resolve(view) });
    app.getState().netStarted({ ...s, ended: true });
    await app.getState().loadReport('s5');
    expect(app.getState().reports['s5']?.state).toBe('ready');
    expect(app.getState().best).toEqual({});
  });

  it('keeps a higher score, and a pass over a fail at the same score', () => {
    const app = store();
    app.getState().offerBest('bargainer', report({ score: 72 }));
    app.getState().offerBest('bargainer', report({ score: 72, passed: true }));
    expect(app.getState().best).toEqual({ bargainer: { score: 72, passed: true } });
    app.getState().offerBest('bargainer', report({ score: 60 }));
    expect(app.getState().best).toEqual({ bargainer: { score: 72, passed: true } });
  });

  it('reads back what it saved, and a bare number saved before with its verdict unknown', () => {
    const storage = new MemoryStorage();
    storage.setItem('kefu.best', JSON.stringify({ bargainer: 80, phisher: { score: 90, passed: true }, junk: 'x', bad: { score: 1, passed: 'yes' }, huge: 500, below: -1, wide: { score: 101, passed: true } }));
    expect(store({}, storage).getState().best).toEqual({ bargainer: { score: 80, passed: null }, phisher: { score: 90, passed: true } });
  });

  it('keeps a carried-over best until an attempt with a verdict reaches its score', () => {
    const storage = new MemoryStorage();
    storage.setItem('kefu.best', JSON.stringify({ bargainer: 80 }));
    const app = store({}, storage);
    app.getState().offerBest('bargainer', report({ score: 70, passed: true }));
    expect(app.getState().best).toEqual({ bargainer: { score: 80, passed: null } });
    app.getState().offerBest('bargainer', report({ score: 80, passed: false }));
    expect(app.getState().best).toEqual({ bargainer: { score: 80, passed: false } });
    expect(JSON.parse(storage.getItem('kefu.best') ?? '{}')).toEqual({ bargainer: { score: 80, passed: false } });
  });
});
