// A join code that leads nowhere, said before the trainee is asked for a name: its drill has ended,
// or no drill has it. The way on is another code or the home page, not a form the join would refuse.
// (A cancelled drill's code has its own page: DrillCancelled.)
import { useEffect, useRef } from 'react';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useDrillT } from './strings.ts';

export function DrillCodeClosed({ code, status }: { code: string; status: 'ended' | 'unknown' }) {
  const d = useDrillT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The page turned into news instead of a form: the focus (and a screen reader) goes to it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="drill panel drill-cancelled" role="alert" data-testid="drill-code-closed" data-status={status}>
      <p className="drill-code-small">{d('join.codeLabel', { code })}</p>
      <h1 ref={heading} tabIndex={-1}>
        {d(status === 'ended' ? 'closed.endedTitle' : 'closed.unknownTitle')}
      </h1>
      <p>{d(status === 'ended' ? 'closed.endedBody' : 'closed.unknownBody', { code })}</p>
      <p className="drill-closed-ways">
        <AppLink to={paths.drill} className="btn btn-primary">
          {d('closed.otherCode')}
        </AppLink>
        <AppLink to={paths.home} className="btn">
          {d('cancelled.home')}
        </AppLink>
      </p>
    </main>
  );
}
