// A trainee's chat, read-only and live: the chat's own transcript component over the session the
// trainer's socket watches (drill:watch), without the reply box.
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { MessageList } from '../chat/MessageList.tsx';
import { useTrainerT } from './strings.ts';
import '../chat/chat.css';

export function WatchPanel() {
  const d = useTrainerT();
  const watched = useApp((s) => s.watched);
  const watch = useApp((s) => s.watchSeat);
  const lang = useApp((s) => s.lang);
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
        <MessageList session={session} shop={undefined} nickname={local(session.scenario.title, lang)} avatarId={session.scenario.id} />
      </div>
    </section>
  );
}
