// Unicode emoji and 旺旺表情, inserted where the cursor is (the Composer closes it on Escape).
import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { EMOJI, WANGWANG } from './emoji.ts';

interface Props {
  id: string;
  onPick: (text: string) => void;
}

export function EmojiPanel({ id, onPick }: Props) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const [tab, setTab] = useState<'wangwang' | 'unicode'>('wangwang');
  return (
    <div
      id={id}
      className="composer-panel emoji-panel"
      role="dialog"
      aria-label={t('emoji.title')}
    >
      <div className="panel-tabs" role="tablist">
        {(['wangwang', 'unicode'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(k === 'wangwang' ? 'emoji.wangwang' : 'emoji.unicode')}
          </button>
        ))}
      </div>
      <ul className="emoji-grid" role="tabpanel">
        {tab === 'wangwang'
          ? WANGWANG.map((f) => (
              <li key={f.code}>
                <button type="button" title={f.code} aria-label={lang === 'en' ? `${f.en} ${f.code}` : f.code} onClick={() => onPick(f.code)}>
                  {f.glyph}
                </button>
              </li>
            ))
          : EMOJI.map((e) => (
              <li key={e.glyph}>
                <button type="button" title={lang === 'en' ? e.en : e.zh} aria-label={lang === 'en' ? e.en : e.zh} onClick={() => onPick(e.glyph)}>
                  {e.glyph}
                </button>
              </li>
            ))}
      </ul>
    </div>
  );
}
