// The admins' section of the accounts page (/trainer/account): every trainer (disable / enable,
// reset a password) and the form that adds one. The list is loaded again after each change.
import { useId, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { AddTrainerForm } from './AddTrainerForm.tsx';
import type { Outcome } from './accountStrings.ts';
import { outcomeText, useAccountT } from './accountStrings.ts';
import { useTrainerT } from './strings.ts';
import { TrainerAccountRow } from './TrainerAccountRow.tsx';
import { useTrainerList } from './useTrainerList.ts';
import './accounts.css';

export function AccountsPanel() {
  const d = useTrainerT();
  const a = useAccountT();
  const id = useId();
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.trainer);
  const { trainers, failure, reload } = useTrainerList();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // One message at a time in the section: the list's newest, or the add form's.
  return (
    <section className="panel trainer-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{d('accounts.title')}</h2>
      <h3 id={`${id}-list`}>{a('list.title')}</h3>
      {trainers === null && !failure && <p className="muted">{a('list.loading')}</p>}
      {failure && (
        <p role="alert" className="error-text">
          {outcomeText(a, { ok: false, action: 'list', failure }, lang)}
        </p>
      )}
      {trainers && (
        <ul className="account-list" aria-labelledby={`${id}-list`}>
          {trainers.map((trainer) => (
            <TrainerAccountRow key={trainer.id} trainer={trainer} self={trainer.id === me?.id} onOutcome={setOutcome} onChanged={() => void reload()} />
          ))}
        </ul>
      )}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'muted' : 'error-text'}>
          {outcomeText(a, outcome, lang)}
        </p>
      )}
      <AddTrainerForm hushed={outcome !== null} onSubmitted={() => setOutcome(null)} onAdded={() => void reload()} />
    </section>
  );
}
