// The drill's copy of a session files each reply under the move the trainee answered, for the class
// reveal: under rubric revision 4 a line sent while the buyer was still typing (crossed) follows up
// the move before, so the reveal of the coming move shows the real answer to it, not the follow-up.
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../server/engine/index.ts';
import { SessionShadow } from '../../server/runtime/drills/sessionShadow.ts';
import type { SessionRow } from '../../server/store/sessionLog.ts';
import { compiled } from '../engine/session/fixture.ts';

const c = compiled();

function play(rulesRevision: number): SessionShadow {
  const row = { scenario_version: 3, seed: 7, started_at: 0, speed: 1, rules_revision: rulesRevision } as SessionRow;
  const shadow = new SessionShadow('s1', 'mini-haggle', c, row);
  let n = 0;
  const apply = (payload: SessionEvent, at: number) => shadow.apply({ n: ++n, at, type: payload.type, payload, clientMsgId: null, result: null, effects: [] } as never);
  apply({ type: 'reply', text: '不能便宜哦' }, 5000);
  apply({ type: 'reply', text: '好的亲' }, 5500);
  apply({ type: 'reply', text: '麻烦发个截图看看' }, 20_000);
  return shadow;
}

describe('the reveal files a crossed line under the move the trainee saw', () => {
  it('revision 4: the link move shows its real answer', () => {
    const replies = Object.fromEntries([...play(4).replies].map(([move, r]) => [move, r.text]));
    expect(replies).toEqual({ ask: '不能便宜哦', link: '麻烦发个截图看看' });
  });

  it('revision 3 (the engine judged the crossed line as the answer): as before', () => {
    const shadow = play(3);
    expect(shadow.replies.get('link')?.text).toBe('好的亲');
  });
});

describe('the reveal shows the answer after a holding line (revision 5)', () => {
  it('files the real answer, not 稍等', () => {
    const row = { scenario_version: 3, seed: 7, started_at: 0, speed: 1, rules_revision: 5 } as SessionRow;
    const shadow = new SessionShadow('s1', 'mini-haggle', c, row);
    let n = 0;
    const apply = (payload: SessionEvent, at: number) => shadow.apply({ n: ++n, at, type: payload.type, payload, clientMsgId: null, result: null, effects: [] } as never);
    apply({ type: 'reply', text: '亲，您好~ 稍等，我帮您查一下哦' }, 5000);
    apply({ type: 'reply', text: '不能便宜哦' }, 9000);
    expect(shadow.replies.get('ask')?.text).toBe('不能便宜哦');
  });
});
