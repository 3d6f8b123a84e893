// One trainer in the admins' list: name, role, state, when created and last logged in, and the
// actions on someone else's account. Disabling and enabling ask first (inline, like ending a drill);
// a password reset opens a small form under the row. Escape backs out of either, and focus goes
// back to the button that opened it.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { TrainerListItem } from '../../net/api.ts';
import { setTrainerDisabled } from '../../net/api.ts';
import { useApp } from '../../store/index.ts';
import { trainerFailure } from '../../store/trainerSlice.ts';
import { dateTime } from '../../ui/format.ts';
import type { Outcome } from './accountStrings.ts';
import { useAccountT } from './accountStrings.ts';
import { ResetPasswordForm } from './ResetPasswordForm.tsx';

interface Props {
  trainer: TrainerListItem;
  /** the logged-in trainer's own row: no actions (they are refused for oneself) */
  self: boolean;
  onOutcome(outcome: Outcome): void;
  /** the list changed (disabled or enabled): load it again */
  onChanged(): void;
}

type Open = 'confirm' | 'reset' | null;

export function TrainerAccountRow({ trainer, self, onOutcome, onChanged }: Props) {
  const a = useAccountT();
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  /** what was open last: its button gets the focus back when it closes (the toggle is rendered anew) */
  const wasOpen = useRef<Open>(null);
  useEffect(() => {
    if (open === 'confirm') confirmRef.current?.focus();
    else if (open === null && wasOpen.current) (wasOpen.current === 'confirm' ? toggleRef : resetRef).current?.focus();
    wasOpen.current = open;
  }, [open]);

  const disabling = !trainer.disabled;
  const action = disabling ? 'disable' : 'enable';
  const confirm = () => {
    setBusy(true);
    setTrainerDisabled(trainer.id, disabling).then(
      () => {
        setBusy(false);
        setOpen(null);
        onOutcome({ ok: true, key: disabling ? 'done.disabled' : 'done.enabled', name: trainer.name });
        onChanged();
      },
      (err: unknown) => {
        setBusy(false);
        setOpen(null);
        onOutcome({ ok: false, action, failure: trainerFailure(err) });
      },
    );
  };

  return (
    <li className={`account-row${trainer.disabled ? ' account-disabled' : ''}`}>
      <div className="account-who">
        <strong>{trainer.name}</strong>
        {self && a('list.you')} <span className={`badge ${trainer.admin ? 'badge-blue' : ''}`}>{a(trainer.admin ? 'list.admin' : 'list.trainer')}</span>{' '}
        {trainer.disabled && <span className="badge badge-red">{a('list.disabled')}</span>}
        <div className="muted account-meta">
          <span>{a('list.created', { at: dateTime(trainer.createdAt, lang) })}</span>
          <span>{trainer.lastLoginAt === null ? a('list.never') : a('list.lastLogin', { at: dateTime(trainer.lastLoginAt, lang) })}</span>
        </div>
      </div>
      {!self &&
        (open === 'confirm' ? (
          <div role="group" aria-label={a(disabling ? 'confirm.disable' : 'confirm.enable', { name: trainer.name })} className="account-confirm" onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}>
            <span>{a(disabling ? 'confirm.disable' : 'confirm.enable', { name: trainer.name })}</span>
            <span className="account-actions">
              <button ref={confirmRef} type="button" className={`btn btn-small ${disabling ? 'btn-primary' : 'btn-blue'}`} disabled={busy} onClick={confirm}>
                {a(disabling ? 'confirm.disableGo' : 'confirm.enableGo')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setOpen(null)}>
                {t('common.cancel')}
              </button>
            </span>
          </div>
        ) : (
          <span className="account-actions">
            <button ref={toggleRef} type="button" className="btn btn-small" aria-label={a(disabling ? 'list.disableName' : 'list.enableName', { name: trainer.name })} onClick={() => setOpen('confirm')}>
              {a(disabling ? 'list.disable' : 'list.enable')}
            </button>
            <button
              ref={resetRef}
              type="button"
              className="btn btn-small"
              aria-label={a('list.resetName', { name: trainer.name })}
              aria-expanded={open === 'reset'}
              onClick={() => setOpen(open === 'reset' ? null : 'reset')}
            >
              {a('list.reset')}
            </button>
          </span>
        ))}
      {open === 'reset' && (
        <ResetPasswordForm
          trainer={trainer}
          onClose={(outcome) => {
            setOpen(null);
            if (outcome) onOutcome(outcome);
          }}
        />
      )}
    </li>
  );
}
