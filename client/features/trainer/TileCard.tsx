// One trainee on the dashboard: where their chat is, how long the buyer has waited, how many times
// they replied. The buyer's waiting time ticks locally from the drill clock the server last sent; a
// red line turns the tile red the moment it arrives. A refused remove or admit says why on the tile.
import { useState } from 'react';
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Tile } from '../../store/trainerSlice.ts';
import { shortTime, stopwatch, waitLevel } from '../../ui/format.ts';
import { useNow } from '../../ui/useNow.ts';
import type { Refusal } from '../drill/dict.ts';
import { useMoveName } from '../drill/dict.ts';
import { useLiveT } from './liveStrings.ts';
import { scoreText } from './scoreText.ts';
import { drillFailureText, useTrainerT } from './strings.ts';
import { useOfflineSince } from './offlineSince.ts';
import { TileFoot } from './TileFoot.tsx';
import { TileRedLines } from './TileRedLines.tsx';
import { tileScoreView } from './tileScore.ts';
import './live.css';

export function TileCard({ tile }: { tile: Tile }) {
  const d = useTrainerT();
  const l = useLiveT();
  const lang = useApp((s) => s.lang);
  const moveName = useMoveName();
  const moveLabel = useApp((s) => (tile.move && tile.scenarioId ? s.live?.moveLabels[`${tile.scenarioId}/${tile.move}`] : undefined));
  const running = useApp((s) => s.live?.state.status === 'running');
  // An ended or cancelled drill is read-only: removing a seat or letting it back in no longer means anything.
  const ended = useApp((s) => s.live?.state.status === 'ended' || s.live?.state.status === 'cancelled');
  const scenarios = useApp((s) => s.live?.state.scenarios);
  const clock = useApp((s) => s.live?.state.clock ?? 0);
  const clockAt = useApp((s) => s.live?.clockAt ?? 0);
  const watchedSeat = useApp((s) => s.watched?.seatId);
  const watch = useApp((s) => s.watchSeat);
  const control = useApp((s) => s.control);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A buyer whose chat has its outcome waits for nobody: its closing line asks no answer. Nor does
  // the counter run for a trainee who is offline: nobody is there to answer, the word 已离线 says so.
  const waitingSince = tile.buyerDone || !tile.connected ? null : tile.waitingSince;
  const now = useNow(1000, running && waitingSince !== null);
  const offline = useOfflineSince(tile.connected);
  const drillNow = clock + (running ? Math.max(0, now - clockAt) : 0);
  const waited = waitingSince === null ? null : Math.max(0, drillNow - waitingSince);
  const removed = tile.status === 'removed';
  // Over for this trainee: their count of replies is final, and so is a score of 0.
  const over = tile.status === 'finished' || removed || ended;
  // Big: the current buyer's score while playing, the drill score once done (tileScore.ts says why).
  // A cancelled drill has no results: a 0 there would read as a score.
  const cancelled = useApp((s) => s.live?.state.status === 'cancelled');
  const view = tileScoreView(tile, scenarios?.length ?? 1, over);
  const { big, soFar } = cancelled ? { big: null, soFar: null } : view;
  const bigTitle = big?.kind === 'buyer' ? l('tile.buyerScoreTitle', { at: big.at, of: big.of }) : d(big?.kind === 'drill' ? 'tile.drillScore' : 'tile.score');
  const lastBuyer = tile.position + 1 >= (scenarios?.length ?? 1);
  // In a drill of several scenarios, which one the trainee is on: "2/3 · <title>".
  const scenario = scenarios && scenarios.length > 1 && tile.scenarioId ? scenarios.find((s) => s.id === tile.scenarioId) : undefined;
  const cls = ['tile', tile.redLines.length > 0 ? 'tile-red' : '', removed ? 'tile-removed' : '', watchedSeat === tile.seatId ? 'tile-watched' : ''].filter(Boolean).join(' ');
  return (
    <li className={cls} data-testid="tile" data-seat={tile.seatId} data-name={tile.name}>
      <header className="tile-head">
        <span className={tile.connected ? 'tile-dot on' : 'tile-dot'} aria-label={tile.connected ? d('tile.online') : l('tile.offline')} role="img" />
        <strong className="tile-name">{tile.name}</strong>
        {/* Said in words, not by the dot's colour alone; an ended drill has everyone offline, so it says nothing. */}
        {!tile.connected && !ended && !removed && (
          <span className="tile-offline" data-testid="tile-offline">
            {offline === null ? l('tile.offline') : l('tile.offlineSince', { time: shortTime(offline) })}
          </span>
        )}
        {big && (
          <span className="tile-score-box" title={bigTitle}>
            <span className="tile-score" data-testid="tile-score">
              {scoreText(big.score)}
            </span>
            {big.kind === 'buyer' && (
              <span className="tile-score-of muted" data-testid="tile-score-of">
                {d('tile.buyerAt', { at: big.at, of: big.of })}
              </span>
            )}
            {big.kind === 'drill' && (scenarios?.length ?? 0) > 1 && (
              <span className="tile-score-of muted" data-testid="tile-score-of">
                {l('tile.drillCaption')}
              </span>
            )}
          </span>
        )}
      </header>
      <dl className="tile-facts">
        {scenario && scenarios && (
          <>
            <dt>{d('tile.buyer')}</dt>
            <dd data-testid="tile-scenario" data-scenario={scenario.id}>
              {d('tile.buyerAt', { at: tile.position + 1, of: scenarios.length })} · {local(scenario.title, lang)}
            </dd>
          </>
        )}
        <dt>{d('tile.move')}</dt>
        {/* The move's label; the id the YAML uses stays in the tooltip (and shows itself when there is no label). */}
        <dd className={tile.move && !moveLabel ? 'mono' : undefined} data-testid="tile-move" data-move={tile.move ?? undefined} title={tile.move ?? undefined}>
          {tile.move ? moveName(tile.move, moveLabel) : tile.status === 'lobby' ? d('tile.lobby') : '—'}
        </dd>
        {waited !== null && (
          <>
            {/* Said once: the term names it, the definition is the time alone. */}
            <dt>{d('tile.waiting')}</dt>
            <dd className={`tile-wait tile-wait-${waitLevel(waited)}`} data-testid="tile-wait">
              {stopwatch(waited)}
            </dd>
          </>
        )}
      </dl>
      {soFar !== null && (
        <p className="tile-so-far muted" data-testid="tile-so-far">
          {l('tile.soFar', { score: scoreText(soFar), n: scenarios?.length ?? 1 })}
        </p>
      )}
      {tile.buyerDone && tile.status === 'playing' && !ended && (
        <p className="tile-buyer-done" role="status" data-testid="tile-buyer-done">
          {d(lastBuyer ? 'tile.lastBuyerDone' : 'tile.buyerDone')}
        </p>
      )}
      <TileRedLines tile={tile} buyers={scenarios?.length ?? 1} />
      <TileFoot tile={tile} />
      <div className="tile-actions">
        {tile.sessionId && !removed && (
          // A long nickname is cut with … (the whole of it in the tooltip) rather than push the button out of the tile.
          <button type="button" className="btn btn-small tile-watch" title={d('tile.watch', { name: tile.name })} aria-pressed={watchedSeat === tile.seatId} onClick={() => void watch(watchedSeat === tile.seatId ? null : tile.seatId)}>
            {d('tile.watch', { name: tile.name })}
          </button>
        )}
        {!ended &&
          // Removing takes a trainee out mid-chat: a mis-click should not do it. Asked in place, like ending the drill.
          (confirming && !removed ? (
            <span role="group" aria-label={d('tile.removeConfirm', { name: tile.name })} className="trainer-confirm" data-testid="tile-remove-confirm">
              <span>{d('tile.removeConfirm', { name: tile.name })}</span>
              <button type="button" className="btn btn-primary btn-small" onClick={() => {
                  setConfirming(false);
                  void control('drill:remove', { seatId: tile.seatId }).then(setRefused);
                }}>
                {d('tile.remove', { name: tile.name })}
              </button>
              <button type="button" className="btn btn-small" autoFocus onClick={() => setConfirming(false)}>
                {d('tile.removeKeep')}
              </button>
            </span>
          ) : (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => {
                if (removed) void control('drill:admit', { seatId: tile.seatId }).then(setRefused);
                else setConfirming(true);
              }}>
              {removed ? d('tile.admit', { name: tile.name }) : d('tile.remove', { name: tile.name })}
            </button>
          ))}
      </div>
      {refused && (
        <p role="alert" className="drill-note">
          {d('room.failed', { message: drillFailureText(d, refused) })}
        </p>
      )}
    </li>
  );
}
