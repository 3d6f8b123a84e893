// /trainer/drill/<id>: the lobby (code, link, QR, the drill's setup), the controls (cancel, while in
// the lobby: asked first), and once started the live dashboard: the setup on one line, a tile per
// trainee, the class heat map, a read-only chat and the class reveal. A cancelled drill says so.
import { useEffect, useState } from 'react';
import type { Refusal } from '../drill/dict.ts';
import { DrillSetup, DrillSetupSummary } from '../drill/DrillSetup.tsx';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { stopwatch } from '../../ui/format.ts';
import { useNow } from '../../ui/useNow.ts';
import { HeatMap } from './HeatMap.tsx';
import { useLiveT } from './liveStrings.ts';
import { RevealPanel } from './RevealPanel.tsx';
import { drillFailureText, useTrainerCount, useTrainerT } from './strings.ts';
import { TileCard } from './TileCard.tsx';
import { WatchPanel } from './WatchPanel.tsx';

export function DrillRoom({ drillId }: { drillId: string }) {
  const d = useTrainerT();
  const v = useLiveT();
  const count = useTrainerCount();
  const live = useApp((s) => (s.live?.drillId === drillId ? s.live : null));
  const attach = useApp((s) => s.attachDrill);
  const watching = useApp((s) => s.watched !== null);
  const [error, setError] = useState<Refusal | null>(null);
  useEffect(() => {
    void attach(drillId).then(setError);
  }, [attach, drillId]);
  if (!live) {
    return (
      <main className="trainer">
        {error?.reason === 'cancelled' ? (
          // Cancelled and gone from memory: it has no dashboard and no results to open.
          <Cancelled />
        ) : (
          <p role={error ? 'alert' : 'status'} className={error ? 'drill-note' : 'muted'}>
            {error ? d('room.failed', { message: drillFailureText(d, error) }) : '…'}
          </p>
        )}
      </main>
    );
  }
  const { state } = live;
  const over = state.status === 'ended' || state.status === 'cancelled';
  return (
    <main className="trainer trainer-room" data-status={state.status}>
      <section className="panel trainer-lobby" aria-label={d('room.code')}>
        {over ? (
          // The code admits nobody any more: named small, not shown to the class as if it did.
          <p className="muted" data-testid="drill-code-spent">
            {d('room.codeSpent', { code: live.code })}
          </p>
        ) : state.locked ? (
          // Closed to newcomers: the big code and QR would invite the class to join; the notice says why not.
          <div className="trainer-code-block trainer-entry-closed" role="status" data-testid="entry-closed">
            <p className="trainer-entry-closed-title">{v('entry.closed')}</p>
            <p className="muted">{v('entry.closedBody', { code: live.code })}</p>
          </div>
        ) : (
          <div className="trainer-code-block">
            <p className="muted">{d('room.code')}</p>
            <p className="trainer-code mono" data-testid="drill-code">
              {live.code}
            </p>
            <p className="muted">{d('room.joinUrl')}</p>
            <p className="trainer-url mono" data-testid="join-url">
              {live.joinUrl}
            </p>
          </div>
        )}
        {!over && !state.locked && <img className="trainer-qr" src={`/api/drills/${encodeURIComponent(drillId)}/qr.svg`} alt={d('room.qr', { code: live.code })} width={168} height={168} />}
        <Controls />
      </section>
      {state.status === 'cancelled' && <Cancelled code={live.code} by={state.cancelledBy} />}
      {state.status === 'lobby' && (
        <div className="panel trainer-card">
          <DrillSetup state={state} audience="trainer" title={v('setup.title')} />
        </div>
      )}
      {(state.status === 'running' || state.status === 'paused' || state.status === 'ended') && (
        <section className="panel trainer-card" aria-label={v('setup.title')}>
          <DrillSetupSummary state={state} />
        </section>
      )}
      {live.order.length === 0 ? (
        <p className="panel trainer-card muted">{d('room.noTrainees')}</p>
      ) : (
        <section aria-label={count('room.trainees', live.order.length)}>
          <h2 className="trainer-h2">{count('room.trainees', live.order.filter((id) => live.tiles[id]?.status !== 'removed').length)}</h2>
          <ul className="tiles">
            {live.order.map((id) => {
              const tile = live.tiles[id];
              return tile ? <TileCard key={id} tile={tile} /> : null;
            })}
          </ul>
        </section>
      )}
      {(state.status === 'running' || state.status === 'paused') && <RevealPanel />}
      {watching && <WatchPanel />}
      {state.status !== 'lobby' && state.status !== 'cancelled' && <HeatMap />}
    </main>
  );
}

function Controls() {
  const d = useTrainerT();
  const v = useLiveT();
  const live = useApp((s) => s.live);
  const control = useApp((s) => s.control);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<Refusal | null>(null);
  const now = useNow(1000, live?.state.status === 'running');
  if (!live) return null;
  const { state } = live;
  const over = state.status === 'ended' || state.status === 'cancelled';
  const clock = state.clock + (state.status === 'running' ? Math.max(0, now - live.clockAt) : 0);
  const run = (p: Promise<Refusal | null>) => void p.then(setError);
  return (
    <div className="trainer-controls">
      <p>
        <span className={`badge trainer-status-${state.status}`} data-testid="drill-status">
          {d(`status.${state.status}`)}
        </span>{' '}
        {state.status !== 'lobby' && !over && <span className="muted">{state.endsAt !== null ? d('room.left', { time: stopwatch(Math.max(0, state.endsAt - clock)) }) : ''}</span>}
        {/* Ended by its time limit, not by the trainer: said as the class's banner says it (a drill from an
            older server, with no endedBy, by its clock, as the tiles judge it). */}
        {state.status === 'ended' && (state.endedBy !== undefined ? state.endedBy === 'time' : state.endsAt !== null && state.clock >= state.endsAt) && (
          <span className="muted" data-testid="drill-ended-by">
            {d('room.endedTime')}
          </span>
        )}
      </p>
      <div className="trainer-buttons">
        {!over && (
          <button type="button" className="btn" aria-pressed={state.locked} onClick={() => run(control('drill:lock', { locked: !state.locked }))}>
            {state.locked ? d('room.unlock') : d('room.lock')}
          </button>
        )}
        {state.status === 'lobby' && (
          <button type="button" className="btn btn-primary" onClick={() => run(control('drill:start'))}>
            {d('room.start')}
          </button>
        )}
        {/* Only before the start: a started drill is ended instead. Asked first: seated trainees are sent away. */}
        {state.status === 'lobby' &&
          (cancelling ? (
            <span role="group" aria-label={v('cancel.confirm')} className="trainer-confirm">
              <span>{v('cancel.confirm')}</span>
              <button type="button" className="btn btn-primary btn-small" onClick={() => run(control('drill:cancel'))}>
                {v('cancel.yes')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setCancelling(false)}>
                {v('cancel.keep')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn" onClick={() => setCancelling(true)}>
              {v('cancel.button')}
            </button>
          ))}
        {state.status === 'running' && (
          <button type="button" className="btn" onClick={() => run(control('drill:pause'))}>
            {d('room.pause')}
          </button>
        )}
        {state.status === 'paused' && (
          <button type="button" className="btn btn-blue" onClick={() => run(control('drill:resume'))}>
            {d('room.resume')}
          </button>
        )}
        {!over &&
          state.status !== 'lobby' &&
          (confirming ? (
            <span role="group" aria-label={d('room.endConfirm')} className="trainer-confirm">
              <span>{d('room.endConfirm')}</span>
              <button type="button" className="btn btn-primary btn-small" onClick={() => run(control('drill:end'))}>
                {d('room.end')}
              </button>
              {/* Not 取消: next to a drill that can be cancelled, that reads as cancelling it. */}
              <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                {d('room.keepGoing')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn" onClick={() => setConfirming(true)}>
              {d('room.end')}
            </button>
          ))}
        {state.status === 'ended' && (
          <AppLink to={paths.trainer(`/results/${live.drillId}`)} className="btn btn-primary">
            {d('room.results')}
          </AppLink>
        )}
      </div>
      {error && (
        <p role="alert" className="drill-note">
          {d('room.failed', { message: drillFailureText(d, error) })}
        </p>
      )}
    </div>
  );
}

/** A cancelled drill: who called it off (when known), that its code admits nobody, no results; the way back. */
function Cancelled({ code, by }: { code?: string; by?: 'trainer' | 'expiry' | undefined }) {
  const v = useLiveT();
  const text = code === undefined ? v('cancelled.stored') : v(by === 'expiry' ? 'cancelled.byExpiry' : 'cancelled.byTrainer', { code });
  return (
    <section className="panel trainer-card" role="status" aria-labelledby="drill-cancelled-title" data-testid="drill-cancelled">
      <h2 id="drill-cancelled-title">{v('cancelled.title')}</h2>
      <p>{text}</p>
      <AppLink to={paths.trainer()}>{v('cancelled.back')}</AppLink>
    </section>
  );
}
