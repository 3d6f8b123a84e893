// The reply box: Enter sends, Shift+Enter adds a line (and Enter while an input method is composing
// Chinese does neither), with the emoji and quick-phrase panels and the shortcuts a seller uses.
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_REPLY_CHARS } from '../../../server/protocol/limits.ts';
import { useT } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import type { ChatSession } from '../../store/types.ts';
import { useTouchScreen } from './useTouchScreen.ts';
import { EmojiPanel } from './EmojiPanel.tsx';
import { PhrasePanel } from './PhrasePanel.tsx';
import './composer.css';

type Panel = 'emoji' | 'phrases' | null;

export function Composer({ session }: { session: ChatSession }) {
  const t = useT();
  const id = useId();
  // A phone has no Shift key to add a line with: its placeholder does not offer one.
  const touch = useTouchScreen();
  const draft = useApp((s) => s.drafts[session.id] ?? '');
  const setDraft = useApp((s) => s.setDraft);
  const sendReply = useApp((s) => s.sendReply);
  const confirmAddress = useApp((s) => s.confirmAddress);
  const setSideTab = useApp((s) => s.setSideTab);
  const openDrawer = useApp((s) => s.openDrawer);
  const input = useRef<HTMLTextAreaElement>(null);
  const emojiButton = useRef<HTMLButtonElement>(null);
  const phrasesButton = useRef<HTMLButtonElement>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const closed = session.ended || session.status === 'gone';
  const chars = [...draft].length;
  const tooLong = chars > MAX_REPLY_CHARS;

  const send = () => {
    if (closed || tooLong || draft.trim() === '') return;
    if (sendReply(session.id, draft)) setDraft(session.id, '');
    input.current?.focus();
  };

  // A chat just opened with the focus nowhere (the persona card that started it is gone, so the
  // focus fell to <body>): the reply box takes it. A chat picked from the list keeps the focus there.
  useEffect(() => {
    const el = input.current;
    const active = document.activeElement;
    if (el && !el.disabled && (active === null || active === document.body)) el.focus();
  }, [session.id]);

  // An open panel closes on Escape wherever the focus is, and on a click outside it.
  useEffect(() => {
    if (!panel) return;
    const opener = panel === 'emoji' ? emojiButton.current : phrasesButton.current;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setPanel(null);
      opener?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!document.getElementById(`${id}-${panel}`)?.contains(target) && !opener?.contains(target)) setPanel(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [panel, id]);

  const insert = (text: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? draft.length;
    const end = el?.selectionEnd ?? draft.length;
    setDraft(session.id, draft.slice(0, start) + text + draft.slice(end));
    setPanel(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      send();
    }
  };

  const toggle = (which: Exclude<Panel, null>) => ({
    'aria-expanded': panel === which,
    'aria-controls': `${id}-${which}`,
    onClick: () => setPanel(panel === which ? null : which),
  });

  return (
    <div className="composer">
      {panel === 'emoji' && <EmojiPanel id={`${id}-emoji`} onPick={insert} />}
      {panel === 'phrases' && <PhrasePanel id={`${id}-phrases`} onPick={insert} />}
      <div className="composer-tools" role="toolbar" aria-label={t('composer.tools')}>
        <button ref={emojiButton} type="button" className="tool" disabled={closed} {...toggle('emoji')}>
          <span aria-hidden="true">😊</span> {t('composer.emoji')}
        </button>
        <button ref={phrasesButton} type="button" className="tool" disabled={closed} {...toggle('phrases')}>
          <span aria-hidden="true">⚡</span> {t('composer.phrases')}
        </button>
        <button type="button" className="tool" disabled={closed} onClick={() => {
            setSideTab('products');
            openDrawer('side');
          }}>
          <span aria-hidden="true">🛍️</span> {t('composer.products')}
        </button>
        <button type="button" className="tool" disabled={closed} title={t('composer.addressHint')} onClick={() => confirmAddress(session.id)}>
          <span aria-hidden="true">📍</span> {t('composer.address')}
        </button>
      </div>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('composer.label')}
      </label>
      <textarea
        id={`${id}-input`}
        ref={input}
        className="composer-input"
        value={draft}
        rows={3}
        disabled={closed}
        placeholder={closed ? t('composer.ended') : t(touch ? 'composer.placeholderTouch' : 'composer.placeholder')}
        aria-describedby={`${id}-count`}
        aria-invalid={tooLong}
        onChange={(e) => setDraft(session.id, e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-foot">
        <span id={`${id}-count`} className={tooLong ? 'composer-count error-text' : 'composer-count'}>
          {tooLong ? t('composer.tooLong', { max: MAX_REPLY_CHARS }) : t('composer.count', { n: chars, max: MAX_REPLY_CHARS })}
        </span>
        <button type="button" className="btn btn-primary" onClick={send} disabled={closed || tooLong || draft.trim() === ''}>
          {t('composer.send')}
        </button>
      </div>
    </div>
  );
}
