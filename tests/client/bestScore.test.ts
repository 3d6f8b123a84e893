// 最佳成绩 on the home page is the best a trainee truly reached: a chat left unfinished or one that
// crossed a red line fails whatever its points, and is not taken as a best score.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../client/store/index.ts';
import type { ReportMarks } from '../../client/store/types.ts';
import { FakeTransport, info, MemoryStorage } from './fakes.ts';

function ended(report: Partial<ReportMarks> & { score: number }, sessionId: string) {
  const store = createAppStore({ storage: new MemoryStorage(), now: () => 1000, history: { push: () => undefined, replace: () => undefined } });
  store.getState().attachBackend({ transport: new FakeTransport(), api: { scenarios: () => Promise.resolve([]), context: () => new Promise(() => undefined), session: () => new Promise(() => undefined), ruleTexts: () => new Promise(() => undefined) } });
  store.getState().netStarted(info(sessionId));
  const full: ReportMarks = { passed: false, passMark: 70, redLines: [], rules: [], categories: [], kpis: { firstResponseMs: null, avgResponseMs: null, longestResponseMs: null, replies: 1, outcome: null }, ...report };
  store.getState().netEvent({ name: 'session:report', payload: { sessionId, seq: 1, report: full, outcome: null } });
  return store.getState().best;
}

describe('the best score', () => {
  it('takes a finished chat, passed or not', () => {
    expect(ended({ score: 88, passed: true }, 's1')).toEqual({ bargainer: 88 });
    expect(ended({ score: 55 }, 's2')).toEqual({ bargainer: 55 });
  });

  it('leaves out an unfinished chat and one with a red line', () => {
    expect(ended({ score: 76, unfinished: 'no-ending' }, 's3')).toEqual({});
    expect(ended({ score: 61, redLines: ['no-qq'] }, 's4')).toEqual({});
  });
});
