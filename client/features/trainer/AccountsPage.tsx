// /trainer/account: every trainer changes their own password here; an admin also manages the
// trainer accounts (list, disable / enable, reset a password, add). A page of its own, so the drills
// home is about drills.
import { useApp } from '../../store/index.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { useTrainerT } from './strings.ts';

export function AccountsPage() {
  const d = useTrainerT();
  const admin = useApp((s) => s.trainer?.admin === true);
  return (
    <main className="trainer">
      <h1>{d('nav.account')}</h1>
      <ChangePasswordForm />
      {admin && <AccountsPanel />}
    </main>
  );
}
