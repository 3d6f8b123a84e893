// A trainee's chat, read-only and live: the chat's own transcript component over the session the
// trainer's socket watches (drill:watch), without the reply box. The buyer is named and drawn as in
// the trainee's chat, and product cards show the shop's products: both come from the scenario's
// context (the same cached GET /api/scenarios/:id/context the trainee's side panel reads). It follows
// the seat: when the trainee moves on to the drill's next scenario, the store watches the new session.
// Under each reply, its verdicts (passed/missed per rule, red lines marked) as the trainee's practice
// chat shows them, in an exam too: the trainer is not the examinee. An exam's verdicts come to the
// trainer alone (the watch answer, then drill:verdicts), never in the chat's own events.
// The panel comes after the tiles and the reveal card: opened (or turned to another trainee), it is
// scrolled into view and takes the focus, so it never opens off screen below an open reveal.
import { useEffect, useMemo, useRef } from 'react';
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession } from '../../store/types.ts';
import type { VerdictMark } from '../../../server/protocol/index.ts';
import { MessageList } from '../chat/MessageList.tsx';
import { readyContext, useScenarioContext } from '../chat/useScenarioContext.ts';
import { useLiveT } from './liveStrings.ts';
import { useTrainerT } from './strings.ts';
import '../chat/chat.css';
import './live.css';

export function WatchPanel() {
  const d = useTrainerT();
  const watched = useApp((s) => s.watched);
  const watch = useApp((s) => s.watchSeat);
  const seatId = watched?.seatId;
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Per trainee opened, not per update: a chat moving on to its next scenario does not pull the page.
  useEffect(() => {
    if (!seatId) return;
    // Not in every DOM (jsdom has none).
    panel.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [seatId]);
  if (!watched) return null;
  const { session, verdicts } = watched;
  return (
    <section ref={panel} className="panel trainer-card watch" aria-labelledby="watch-title" data-testid="watch-panel">
      <header className="watch-head">
        <h2 id="watch-title" ref={heading} tabIndex={-1}>
          {d('watch.title', { name: session.displayName })}
        </h2>
        <button type="button" className="btn btn-small" onClick={() => void watch(null)}>
          {d('watch.close')}
        </button>
      </header>
      <div className="watch-body">
        {/* A seat that moves on to its next scenario is watched in its new session: a new chat, from its top. */}
        <WatchedChat key={session.id} session={session} marks={verdicts} />
      </div>
    </section>
  );
}

function WatchedChat({ session, marks }: { session: ChatSession; marks: Record<string, VerdictMark[]> | undefined }) {
  const lang = useApp((s) => s.lang);
  const context = readyContext(useScenarioContext(session.scenario));
  // Until the context arrives (or if it cannot be had) the chat's own stand-ins: the scenario's title.
  const nickname = context?.scenario.buyer.nickname ?? local(session.scenario.title, lang);
  const avatarId = context?.scenario.buyer.avatar ?? session.scenario.id;
  // The chat's chips show a practice chat's marks with its rule texts (loaded once per rubric; the
  // trainer's login answers for an exam's): give the list every mark the trainer has, as practice.
  const scored = useMemo<ChatSession>(() => ({ ...session, mode: 'practice', verdicts: { ...session.verdicts, ...marks } }), [session, marks]);
  return (
    <>
      <VerdictSummary session={scored} exam={session.mode === 'exam'} />
      <MessageList session={scored} shop={context?.shop} nickname={nickname} avatarId={avatarId} />
    </>
  );
}

/** How the watched chat is scored so far: replies scored, rules missed, red lines crossed. */
function VerdictSummary({ session, exam }: { session: ChatSession; exam: boolean }) {
  const v = useLiveT();
  let replies = 0;
  let fails = 0;
  let redLines = 0;
  for (const marks of Object.values(session.verdicts)) {
    const decided = marks.filter((m) => m.verdict !== 'n/a');
    if (decided.length > 0) replies++;
    for (const m of decided) {
      if (m.verdict !== 'fail') continue;
      fails++;
      if (m.redLine) redLines++;
    }
  }
  return (
    <div className="watch-summary" data-testid="watch-summary">
      {replies === 0 ? (
        <p className="muted">{v('watch.noneYet')}</p>
      ) : (
        <p>
          {v('watch.summary', { replies, fails })}
          {redLines > 0 && (
            <>
              {' '}
              <span className="badge badge-red">{v('watch.redLines', { n: redLines })}</span>
            </>
          )}
        </p>
      )}
      {exam && <p className="muted">{v('watch.exam')}</p>}
    </div>
  );
}
