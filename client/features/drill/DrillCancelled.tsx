// What a trainee sees of a drill called off before it started: whether they were seated in it or
// only came with its code, they are told plainly, and given the way back to the home page (where
// they can practise alone) instead of a form that would only be refused again.
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { useDrillT } from './strings.ts';

export function DrillCancelled({ code }: { code: string }) {
  const d = useDrillT();
  // Who called it off is known live (the seat's drill:state); a join or rejoin refused later only knows it was.
  const by = useApp((s) => (s.drillState?.status === 'cancelled' ? s.drillState.cancelledBy : undefined));
  const heading = useRef<HTMLHeadingElement>(null);
  // The page changed under the trainee: the news is where the focus (and a screen reader) is.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="drill panel drill-cancelled" role="alert" data-testid="drill-cancelled">
      <p className="drill-code-small">{d('join.codeLabel', { code })}</p>
      <h1 ref={heading} tabIndex={-1}>
        {d(by === 'trainer' ? 'cancelled.title' : by === 'expiry' ? 'cancelled.expiredTitle' : 'cancelled.anyTitle')}
      </h1>
      <p>{d('cancelled.body', { code })}</p>
      <AppLink to={paths.home} className="btn btn-primary">
        {d('cancelled.home')}
      </AppLink>
    </main>
  );
}
