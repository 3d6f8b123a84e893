// /join/<code>: a display name takes a seat; the seat token (localStorage) brings this browser back
// to it after a reload or in another tab. Then the waiting room (the drill's setup, how many are in),
// the seat's chat with the drill's banners and, while the trainer pauses, a notice saying so, the
// class reveal when the trainer shows it, and the report link at the end. A drill cancelled before
// it started says so, to the seated and to anyone who comes with its code. Someone with no seat to
// come back to learns what the code leads to before they are asked for a name: a cancelled or
// ended drill, or no drill at all, is said at once (the join checks again).
import { useEffect, useId, useState } from 'react';
import { Workspace } from '../chat/Workspace.tsx';
import { useApp } from '../../store/index.ts';
import { DrillBanner } from './DrillBanner.tsx';
import { DrillCancelled } from './DrillCancelled.tsx';
import { DrillCodeClosed } from './DrillCodeClosed.tsx';
import { DrillPauseNotice } from './DrillPauseNotice.tsx';
import { DrillSetup } from './DrillSetup.tsx';
import { RevealDialog } from './RevealDialog.tsx';
import { SeatRenamed } from './SeatRenamed.tsx';
import { DrillTotal } from './DrillTotal.tsx';
import type { DrillRefusal } from '../../store/drillSlice.ts';
import { refusalText, useDrillT } from './strings.ts';
import { useCodeCheck } from './useCodeCheck.ts';

export function DrillSeat({ code }: { code: string }) {
  const d = useDrillT();
  const enterDrill = useApp((s) => s.enterDrill);
  const phase = useApp((s) => s.seatPhase);
  const seat = useApp((s) => (s.drillCode === code ? s.seats[code] : undefined));
  // A seat held for this code is rejoined instead: nothing to check.
  const remembered = useApp((s) => s.seats[code] !== undefined);
  const check = useCodeCheck(remembered ? null : code);
  const state = useApp((s) => s.drillState);
  const sessionId = seat?.sessionIds.at(-1) ?? null;
  const hasSession = useApp((s) => (sessionId ? s.sessions[sessionId] !== undefined : false));
  const selectSession = useApp((s) => s.selectSession);
  // An earlier buyer of this seat picked from the list opens here, on the drill page; the seat's
  // newest chat otherwise (and again whenever a new buyer comes).
  const picked = useApp((s) => (s.activeId !== null && seat?.sessionIds.includes(s.activeId) === true && s.sessions[s.activeId] !== undefined ? s.activeId : null));

  useEffect(() => enterDrill(code), [code, enterDrill]);
  // The seat's chat is the open one here: its lines are read as they come, never counted unread.
  useEffect(() => {
    if (sessionId && hasSession) selectSession(sessionId);
  }, [sessionId, hasSession, selectSession]);

  if (phase === 'cancelled') return <DrillCancelled code={code} />;
  if (phase === 'removed') {
    return (
      <main className="drill panel" role="alert">
        <h1>{d('removed.title')}</h1>
        <p>{d('removed.body')}</p>
      </main>
    );
  }
  if (phase !== 'seated' || !seat) {
    // A join under way was let through by the check already.
    if (!remembered && phase !== 'joining') {
      if (check.state === 'checking') return <Checking code={code} />;
      const status = check.state === 'known' ? check.status : 'open';
      if (status === 'cancelled') return <DrillCancelled code={code} />;
      if (status !== 'open') return <DrillCodeClosed code={code} status={status} />;
    }
    return <NameForm code={code} unchecked={check.state === 'unchecked' ? check.error : null} />;
  }
  if (!sessionId || !hasSession) {
    return (
      <main className="drill panel drill-wait" data-testid="drill-waiting">
        <p className="drill-code-small">{d('join.codeLabel', { code })}</p>
        <h1>{d('wait.title')}</h1>
        <SeatRenamed />
        <p>{d('wait.body', { name: seat.displayName })}</p>
        <p className="drill-pulse" aria-hidden="true" />
        {state?.trainees !== undefined && (
          <p className="drill-headcount" role="status" data-testid="drill-headcount">
            {state.trainees <= 1 ? d('wait.justYou') : d('wait.headcount', { n: state.trainees })}
          </p>
        )}
        {state?.locked && <p className="muted">{d('wait.locked')}</p>}
        {state && <DrillSetup state={state} />}
      </main>
    );
  }
  return (
    <div className="drill-play">
      <DrillBanner name={seat.displayName} />
      <SeatRenamed />
      <DrillTotal />
      <DrillPauseNotice />
      <Workspace sessionId={picked ?? sessionId} />
      <RevealDialog />
    </div>
  );
}

function Checking({ code }: { code: string }) {
  const d = useDrillT();
  return (
    <main className="drill panel">
      <p className="drill-code-small">{d('join.codeLabel', { code })}</p>
      <h1>{d('join.title')}</h1>
      <p role="status" className="muted" data-testid="drill-code-check">
        {d('check.checking')}
      </p>
    </main>
  );
}

/** `unchecked`: why the code could not be checked first (the join then tells what it leads to). */
function NameForm({ code, unchecked }: { code: string; unchecked: DrillRefusal | null }) {
  const d = useDrillT();
  const id = useId();
  const phase = useApp((s) => s.seatPhase);
  const error = useApp((s) => s.seatError);
  const joinDrill = useApp((s) => s.joinDrill);
  const saved = useApp((s) => s.displayName);
  const setDisplayName = useApp((s) => s.setDisplayName);
  const [name, setName] = useState(saved);
  const joining = phase === 'joining';
  return (
    <main className="drill panel">
      <p className="drill-code-small">{d('join.codeLabel', { code })}</p>
      <h1>{d('join.title')}</h1>
      {unchecked && (
        <p className="muted drill-check" data-testid="drill-code-check">
          {d('check.failed', { message: refusalText(d, unchecked) })}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          if (!trimmed) return;
          setDisplayName(trimmed);
          void joinDrill(code, trimmed);
        }}
      >
        <label htmlFor={`${id}-name`}>{d('join.name')}</label>
        <input id={`${id}-name`} className="drill-name" type="text" maxLength={32} autoComplete="nickname" aria-describedby={`${id}-hint`} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn btn-primary" disabled={joining || name.trim() === ''}>
          {joining ? d('join.joining') : d('join.submit')}
        </button>
        <p id={`${id}-hint`} className="muted drill-hint">
          {d('join.nameHint')}
        </p>
      </form>
      {error && (
        <p role="alert" className="drill-note">
          {d(phase === 'failed' ? 'join.seatLost' : 'join.failed', { message: refusalText(d, error) })}
        </p>
      )}
    </main>
  );
}
