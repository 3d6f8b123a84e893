// What a message carries besides text: the buyer's product links, web links, file offers and photos;
// the trainee's product cards and coupons. Nothing here navigates or downloads.
import { local, useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { Message, Shop } from '../../store/types.ts';
import type { FileAnswer } from './MessageList.tsx';
import { PhotoAttachment } from './PhotoAttachment.tsx';
import './attachments.css';

type Attachment = NonNullable<Message['attachment']>;

const CATEGORY_ICON: Record<string, string> = { boots: '🥾', shoes: '🥾', running: '👟', sandals: '🩴', insoles: '🦶', socks: '🧦', accessories: '🧴', bags: '👜' };

function ProductSummary({ shop, productId }: { shop: Shop | undefined; productId: string }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const product = shop?.products.find((p) => p.id === productId);
  return (
    <span className="product-summary">
      <span className="product-thumb" aria-hidden="true">
        {CATEGORY_ICON[product?.category ?? ''] ?? '🛍️'}
      </span>
      <span className="product-summary-text">
        <span className="product-name">{product ? local(product.name, lang) : productId}</span>
        {product && (
          <span className="product-price">
            <strong>{t('common.yuan', { amount: product.promoPrice ?? product.price })}</strong>
            {product.promoPrice !== undefined && <s>{t('common.yuan', { amount: product.price })}</s>}
          </span>
        )}
      </span>
    </span>
  );
}

interface Props {
  attachment: Attachment;
  shop: Shop | undefined;
  /** the buyer opened something: record it (links) or answer it (files); absent for previews */
  onOpen?: (() => void) | undefined;
  onAnswer?: ((accept: boolean) => void) | undefined;
  fileAnswer?: FileAnswer | undefined;
  disabled?: boolean;
}

export function AttachmentView({ attachment, shop, onOpen, onAnswer, fileAnswer, disabled = false }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  switch (attachment.kind) {
    case 'product-link':
      return (
        <div className="att att-product">
          <span className="att-label">{t('chat.productLink')}</span>
          <ProductSummary shop={shop} productId={attachment.product} />
          {onOpen && (
            <button type="button" className="btn btn-small" onClick={onOpen}>
              {t('chat.viewProduct')}
            </button>
          )}
        </div>
      );
    case 'link':
      return (
        <button type="button" className="att att-link" onClick={onOpen} disabled={!onOpen}>
          <span className="att-link-icon" aria-hidden="true">
            🔗
          </span>
          <span className="att-link-text">
            {attachment.title && <span className="att-link-title">{attachment.title}</span>}
            <span className="att-link-url">{attachment.url}</span>
          </span>
        </button>
      );
    case 'file':
      return (
        <div className="att att-file">
          <span className="att-file-icon" aria-hidden="true">
            📄
          </span>
          <span className="att-file-text">
            <span className="att-file-name">{attachment.name}</span>
            {attachment.sizeKb !== undefined && <span className="muted">{t('chat.fileSize', { kb: attachment.sizeKb })}</span>}
          </span>
          <span className="att-file-actions">
            {fileAnswer === 'accepted' && <span className="badge badge-orange">{t('chat.fileAccepted')}</span>}
            {fileAnswer === 'declined' && <span className="badge">{t('chat.fileDeclined')}</span>}
            {fileAnswer === 'answering' && <span className="badge">{t('chat.fileAnswering')}</span>}
            {fileAnswer === undefined && onAnswer && (
              <>
                <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAnswer(true)} aria-label={`${t('chat.fileAccept')} ${attachment.name}`}>
                  {t('chat.fileAccept')}
                </button>
                <button type="button" className="btn btn-small btn-blue" disabled={disabled} onClick={() => onAnswer(false)} aria-label={`${t('chat.fileDecline')} ${attachment.name}`}>
                  {t('chat.fileDecline')}
                </button>
              </>
            )}
          </span>
        </div>
      );
    case 'photo':
      return <PhotoAttachment image={attachment.image} caption={attachment.caption} />;
    case 'product-card':
      return (
        <div className="att att-product att-card">
          <span className="att-label">{t('chat.productCard')}</span>
          <ProductSummary shop={shop} productId={attachment.product} />
        </div>
      );
    case 'coupon': {
      const coupon = shop?.coupons.find((c) => c.id === attachment.coupon);
      return (
        <div className="att att-coupon">
          <span className="coupon-amount">{coupon ? t('common.yuan', { amount: coupon.amount }) : '¥'}</span>
          <span className="coupon-text">
            <strong>{coupon ? local(coupon.label, lang) : attachment.coupon}</strong>
            {coupon && (
              <span>{coupon.minSpend > 0 ? t('chat.couponRule', { min: coupon.minSpend, amount: coupon.amount }) : t('chat.couponNoMin', { amount: coupon.amount })}</span>
            )}
          </span>
        </div>
      );
    }
  }
}
