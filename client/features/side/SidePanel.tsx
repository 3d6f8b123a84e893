// Right column: the buyer and their order, the catalogue, the size chart and the shop's rules, to
// look things up while chatting. Tabs follow the ARIA pattern (arrow keys move between them).
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { SideTab } from '../../store/uiSlice.ts';
import type { ChatSession } from '../../store/types.ts';
import { useScenarioContext } from '../chat/useScenarioContext.ts';
import { BuyerTab } from './BuyerTab.tsx';
import { ProductsTab } from './ProductsTab.tsx';
import { ShopTab } from './ShopTab.tsx';
import { SizesTab } from './SizesTab.tsx';
import './side.css';

const TABS: SideTab[] = ['buyer', 'products', 'sizes', 'shop'];

export function SidePanel({ session }: { session: ChatSession }) {
  const t = useT();
  const tab = useApp((s) => s.sideTab);
  const setTab = useApp((s) => s.setSideTab);
  const context = useScenarioContext(session.scenario);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = TABS.indexOf(tab);
    const next = e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : TABS[(i + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <aside className="side" aria-label={t('side.label')}>
      <div className="side-tabs" role="tablist" aria-label={t('side.label')} onKeyDown={onKeyDown}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              refs.current[k] = el;
            }}
            id={`side-tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls="side-panel"
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(`side.${k}`)}
          </button>
        ))}
      </div>
      <div id="side-panel" className="side-body" role="tabpanel" aria-labelledby={`side-tab-${tab}`} tabIndex={0}>
        {(!context || context.state === 'loading') && <p className="muted">{t('side.loading')}</p>}
        {context?.state === 'error' && <p className="error-text">{t('side.error', { message: context.message })}</p>}
        {context?.state === 'ready' && (
          <>
            {tab === 'buyer' && <BuyerTab context={context.data} />}
            {tab === 'products' && <ProductsTab session={session} shop={context.data.shop} />}
            {tab === 'sizes' && <SizesTab shop={context.data.shop} />}
            {tab === 'shop' && <ShopTab shop={context.data.shop} />}
          </>
        )}
      </div>
    </aside>
  );
}
