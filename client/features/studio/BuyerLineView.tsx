// One buyer line of a play-test with what it carries: a link or product link the trainer can open,
// a file offer to accept or decline (until it is answered), a photo. As in the trainee chat, nothing
// navigates or downloads: opening is a turn of the play-test, played through the engine.
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Shop } from '../../../server/engine/index.ts';
import { productName } from './playAction.ts';
import type { BuyerLine } from './playSession.ts';
import { useStudioT } from './strings.ts';

/** What the play-test lets the trainer do with a buyer line right now. */
export interface LineActions {
  shop: Shop;
  canOpen(line: BuyerLine): boolean;
  canAnswer(line: BuyerLine): boolean;
  answered(line: BuyerLine): 'file-accepted' | 'file-declined' | undefined;
  open(line: BuyerLine): void;
  answer(line: BuyerLine, accept: boolean): void;
}

export function BuyerLineView({ line, actions }: { line: BuyerLine; actions: LineActions }) {
  const d = useStudioT();
  const lang = useApp((s) => s.lang);
  const att = line.attachment;
  const unsafe = att && 'unsafe' in att && att.unsafe ? <span className="studio-chip studio-chip-red">{d('play.unsafe')}</span> : null;
  let body = null;
  switch (att?.kind) {
    case 'link':
      body = (
        <>
          <span aria-hidden="true">🔗</span> {att.title && <span>{att.title}</span>} <span className="studio-mono">{att.url}</span> {unsafe}
          {actions.canOpen(line) && (
            <button type="button" className="btn btn-small" aria-label={d('play.openLinkOf', { url: att.url })} onClick={() => actions.open(line)}>
              {d('play.openLink')}
            </button>
          )}
        </>
      );
      break;
    case 'product-link': {
      const product = productName(actions.shop, att.product);
      const name = typeof product === 'string' ? product : local(product, lang);
      body = (
        <>
          <span aria-hidden="true">🛍️</span> {name}
          {actions.canOpen(line) && (
            <button type="button" className="btn btn-small" aria-label={d('play.openProductOf', { name })} onClick={() => actions.open(line)}>
              {d('play.openProduct')}
            </button>
          )}
        </>
      );
      break;
    }
    case 'file': {
      const answered = actions.answered(line);
      body = (
        <>
          <span aria-hidden="true">📄</span> {att.name}
          {att.sizeKb !== undefined && <span className="muted"> {d('play.fileSize', { kb: att.sizeKb })}</span>} {unsafe}
          {answered && <span className="studio-chip">{d(answered === 'file-accepted' ? 'play.fileAccepted' : 'play.fileDeclined')}</span>}
          {actions.canAnswer(line) && (
            <>
              <button type="button" className="btn btn-small" aria-label={d('play.acceptFileOf', { name: att.name })} onClick={() => actions.answer(line, true)}>
                {d('play.acceptFile')}
              </button>
              <button type="button" className="btn btn-small" aria-label={d('play.declineFileOf', { name: att.name })} onClick={() => actions.answer(line, false)}>
                {d('play.declineFile')}
              </button>
            </>
          )}
        </>
      );
      break;
    }
    case 'photo':
      body = (
        <>
          <span aria-hidden="true">🖼️</span> {att.caption ?? att.image}
        </>
      );
      break;
    case undefined:
      break;
  }
  return (
    <li data-message-id={line.id}>
      {line.text}
      {body && <div className="studio-play-attachment">{body}</div>}
    </li>
  );
}
