// A trainee's chat, read-only and live: the chat's own transcript component over the session the
// trainer's socket watches (drill:watch), without the reply box. The buyer is named and drawn as in
// the trainee's chat, and product cards show the shop's products: both come from the scenario's
// context (the same cached GET /api/scenarios/:id/context the trainee's side panel reads). It follows
// the seat: when the trainee moves on to the drill's next scenario, the store watches the new session.
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession } from '../../store/types.ts';
import { MessageList } from '../chat/MessageList.tsx';
import { readyContext, useScenarioContext } from '../chat/useScenarioContext.ts';
import { useTrainerT } from './strings.ts';
import '../chat/chat.css';

export function WatchPanel() {
  const d = useTrainerT();
  const watched = useApp((s) => s.watched);
  const watch = useApp((s) => s.watchSeat);
  if (!watched) return null;
  const { session } = watched;
  return (
    <section className="panel trainer-card watch" aria-labelledby="watch-title" data-testid="watch-panel">
      <header className="watch-head">
        <h2 id="watch-title">{d('watch.title', { name: session.displayName })}</h2>
        <button type="button" className="btn btn-small" onClick={() => void watch(null)}>
          {d('watch.close')}
        </button>
      </header>
      <div className="watch-body">
        {/* A seat that moves on to its next scenario is watched in its new session: a new chat, from its top. */}
        <WatchedChat key={session.id} session={session} />
      </div>
    </section>
  );
}

function WatchedChat({ session }: { session: ChatSession }) {
  const lang = useApp((s) => s.lang);
  const context = readyContext(useScenarioContext(session.scenario));
  // Until the context arrives (or if it cannot be had) the chat's own stand-ins: the scenario's title.
  const nickname = context?.scenario.buyer.nickname ?? local(session.scenario.title, lang);
  const avatarId = context?.scenario.buyer.avatar ?? session.scenario.id;
  return <MessageList session={session} shop={context?.shop} nickname={nickname} avatarId={avatarId} />;
}
