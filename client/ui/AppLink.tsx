// An in-app link: a real <a href> (so it can be opened in a new tab or copied), navigated in place
// on a plain click.
import type { MouseEvent, ReactNode } from 'react';
import { useApp } from '../store/index.ts';

interface Props {
  to: string;
  className?: string;
  children: ReactNode;
  'aria-label'?: string;
  'aria-current'?: 'page' | undefined;
}

export function AppLink({ to, children, ...rest }: Props) {
  const navigate = useApp((s) => s.navigate);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
