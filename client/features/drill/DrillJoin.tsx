// The "join a drill" entry (/drill): the 6-digit code, checked as soon as it is whole (a cancelled,
// ended or unknown code is said at once), then the seat page /join/<code>, which is also the link
// and QR code the trainer shows the class.
import { useId, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { DrillSeat } from './DrillSeat.tsx';
import { refusalText, useDrillT } from './strings.ts';
import type { CodeCheck } from './useCodeCheck.ts';
import { useCodeCheck } from './useCodeCheck.ts';
import { normaliseCode } from './joinCodeInput.ts';
import './drill.css';

/** `badCode`: what a mistyped /join/<...> link held instead of a 6-digit code. */
export function DrillJoin({ code, badCode }: { code?: string; badCode?: string }) {
  return code ? <DrillSeat code={code} /> : <CodeForm badCode={badCode} />;
}

function CodeForm({ badCode }: { badCode: string | undefined }) {
  const d = useDrillT();
  const id = useId();
  const navigate = useApp((s) => s.navigate);
  // The digits of a mistyped link to go on from.
  const [code, setCode] = useState(() => (badCode === undefined ? '' : normaliseCode(badCode).code));
  const [stray, setStray] = useState(false);
  const whole = /^\d{6}$/.test(code);
  const check = useCodeCheck(whole ? code : null);
  // On to the name only with a code that may let them in: a check that could not be asked leaves it to the join.
  const canGo = whole && (check.state === 'unchecked' || (check.state === 'known' && check.status === 'open'));
  return (
    <main className="drill panel">
      <h1>{d('join.title')}</h1>
      <p className="muted">{d('join.lead')}</p>
      {badCode !== undefined && (
        <p role="alert" className="drill-note" data-testid="drill-bad-code">
          {d('join.badCode', { code: badCode })}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canGo) navigate(paths.join(code));
        }}
      >
        <label htmlFor={`${id}-code`}>{d('join.code')}</label>
        <input
          id={`${id}-code`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          // No maxLength: the browser would cut a pasted "746 652" to "746 65" before it is read.
          placeholder={d('join.codeHint')}
          aria-describedby={stray ? `${id}-stray ${id}-check` : `${id}-check`}
          value={code}
          onChange={(e) => {
            const typed = normaliseCode(e.target.value);
            setCode(typed.code);
            setStray(typed.stray);
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={!canGo}>
          {d('join.go')}
        </button>
        <p id={`${id}-stray`} aria-live="polite" className="drill-check muted" data-testid="drill-code-stray">
          {stray ? d('join.codeStray') : ''}
        </p>
        <CheckNote id={`${id}-check`} check={check} />
      </form>
    </main>
  );
}

/** What the check found, under the code: a live region, so it is heard as soon as it is known. */
function CheckNote({ id, check }: { id: string; check: CodeCheck }) {
  const d = useDrillT();
  let text = '';
  if (check.state === 'checking') text = d('check.checking');
  else if (check.state === 'unchecked') text = d('check.failed', { message: refusalText(d, check.error) });
  else if (check.state === 'known' && check.status !== 'open') text = d(`check.${check.status}`);
  const bad = check.state === 'known' && check.status !== 'open';
  return (
    <p id={id} role="status" className={bad ? 'drill-check drill-note' : 'drill-check muted'} data-testid="drill-code-check">
      {text}
    </p>
  );
}
