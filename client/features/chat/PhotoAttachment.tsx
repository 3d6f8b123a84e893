// A photo the buyer sent: the picture in the bubble, and a larger view in a modal dialog on click.
// The native <dialog> gives the focus trap and Escape; closing puts focus back on the thumbnail.
import { useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { mediaUrl } from './media.ts';

export function PhotoAttachment({ image, caption }: { image: string; caption: string | undefined }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const src = mediaUrl(image);
  const alt = caption ?? t('chat.photo');

  if (src === null) {
    // A key that is not a plain name never becomes a URL; say what the buyer meant to show.
    return (
      <figure className="att att-photo">
        <div className="att-photo-frame" role="img" aria-label={alt}>
          <span aria-hidden="true">🖼️</span>
          <span className="att-photo-file">{t('chat.photoMissing')}</span>
        </div>
        {caption && <figcaption>{caption}</figcaption>}
      </figure>
    );
  }

  // showModal() focuses the dialog's first control (Close); Escape and Close both end in onClose.
  const show = () => dialog.current?.showModal();
  const onClose = () => opener.current?.focus();

  return (
    <figure className="att att-photo">
      <button ref={opener} type="button" className="att-photo-open" onClick={show} aria-label={t('chat.photoEnlarge', { caption: alt })} aria-haspopup="dialog">
        <img className="att-photo-img" src={src} alt={alt} />
      </button>
      {caption && <figcaption>{caption}</figcaption>}
      <dialog ref={dialog} className="photo-dialog" aria-label={alt} onClose={onClose} onClick={(e) => e.target === e.currentTarget && dialog.current?.close()}>
        <img className="photo-dialog-img" src={src} alt={alt} loading="lazy" />
        <div className="photo-dialog-foot">
          {caption && <p>{caption}</p>}
          <form method="dialog">
            <button type="submit" className="btn btn-blue">
              {t('common.close')}
            </button>
          </form>
        </div>
      </dialog>
    </figure>
  );
}
