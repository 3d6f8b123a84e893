// On small screens the side panel and the conversation list leave the grid; a toggle in the chat
// header slides one over the chat. Escape, the close button or a click outside put it away, and
// focus goes back to where it was (the toggle). Above the breakpoint it is just the grid column.
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Drawer as DrawerKind } from '../../store/uiSlice.ts';
import { useMediaQuery } from '../../ui/useMediaQuery.ts';
import './drawer.css';

/** Same widths as the media queries in workspace.css that take these columns out of the grid. */
const NARROW: Record<DrawerKind, string> = { side: '(max-width: 900px)', list: '(max-width: 700px)' };

export const drawerId = (kind: DrawerKind) => `drawer-${kind}`;

/** The drawer is showing: asked for, and the screen is narrow enough for it to be a drawer. */
export function useDrawerOpen(kind: DrawerKind): boolean {
  const narrow = useMediaQuery(NARROW[kind]);
  const asked = useApp((s) => s.drawer === kind);
  return narrow && asked;
}

interface Props {
  kind: DrawerKind;
  label: string;
  children: ReactNode;
}

export function Drawer({ kind, label, children }: Props) {
  const t = useT();
  const open = useDrawerOpen(kind);
  const close = useApp((s) => s.closeDrawer);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!open || !el) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    el.querySelector<HTMLElement>('.drawer-close')?.focus();
    return () => {
      // Only pull focus back if it was left inside the drawer (or dropped when the drawer hid);
      // a trainee who clicked elsewhere keeps focus there.
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body || el.contains(active))) opener.focus();
    };
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!open || e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };

  return (
    <>
      {open && <div className="drawer-backdrop" aria-hidden="true" onClick={close} />}
      <div
        ref={ref}
        id={drawerId(kind)}
        className={open ? `drawer drawer-${kind} open` : `drawer drawer-${kind}`}
        role={open ? 'dialog' : undefined}
        aria-label={open ? label : undefined}
        onKeyDown={onKeyDown}
      >
        {open && (
          <div className="drawer-bar">
            <strong>{label}</strong>
            <button type="button" className="btn btn-small drawer-close" onClick={close}>
              {t('drawer.close')}
            </button>
          </div>
        )}
        {children}
      </div>
    </>
  );
}

/** The header button that opens or closes a drawer; CSS shows it only where the column is hidden. */
export function DrawerToggle({ kind, label, icon }: { kind: DrawerKind; label: string; icon: string }) {
  const open = useDrawerOpen(kind);
  const openDrawer = useApp((s) => s.openDrawer);
  const close = useApp((s) => s.closeDrawer);
  // By what shows, not by what was asked: a drawer asked for on a wide screen is not open.
  const onClick = () => (open ? close() : openDrawer(kind));
  return (
    <button type="button" className={`btn btn-small drawer-toggle drawer-toggle-${kind}`} aria-expanded={open} aria-controls={drawerId(kind)} onClick={onClick}>
      <span aria-hidden="true">{icon}</span> <span className="hidden-on-phone">{label}</span>
    </button>
  );
}
