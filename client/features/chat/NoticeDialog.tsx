// "What just happened" after the trainee opens a buyer's link or accepts a file: the simulator never
// navigates or downloads; it records the click and says what it would have meant at work.
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';

export function NoticeDialog() {
  const t = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (notice && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!notice && dialog.open) {
      dialog.close();
    }
  }, [notice]);

  const onClose = () => {
    dismiss();
    // Back where the trainee was: the link they clicked.
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };

  const unsafe = notice?.unsafe ?? false;
  return (
    <dialog ref={ref} className={unsafe ? 'notice notice-danger' : 'notice'} role="alertdialog" aria-labelledby="notice-title" aria-describedby="notice-body" onClose={onClose}>
      {notice && (
        <>
          <h2 id="notice-title">
            <span aria-hidden="true">{unsafe ? '⚠️ ' : 'ℹ️ '}</span>
            {t(notice.kind === 'link' ? 'notice.linkTitle' : 'notice.fileTitle')}
          </h2>
          <div id="notice-body">
            <p className="notice-target">
              {notice.kind === 'link' ? (
                <>
                  {notice.title && <strong>{notice.title}</strong>}
                  <code>{notice.url}</code>
                </>
              ) : (
                <code>{notice.name}</code>
              )}
            </p>
            <p>{t(notice.kind === 'link' ? (unsafe ? 'notice.linkUnsafe' : 'notice.linkSafe') : unsafe ? 'notice.fileUnsafe' : 'notice.fileSafe')}</p>
            {(notice.kind === 'file' || notice.recorded) && <p className="notice-recorded">{t('notice.recorded')}</p>}
          </div>
          <form method="dialog">
            <button type="submit" className="btn btn-blue" autoFocus>
              {t('common.close')}
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
