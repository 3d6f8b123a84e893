// 快捷短语: click one to put it in the reply box; "manage" edits, adds, deletes (kept in the browser).
// The starter phrases are Chinese in both UIs (the buyer speaks Chinese); the English UI shows a
// gloss under each, which is never inserted.
import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { MAX_PHRASE_CHARS, phraseEntries } from '../../store/phrasesSlice.ts';
import { useApp } from '../../store/index.ts';

interface Props {
  id: string;
  onPick: (text: string) => void;
}

export function PhrasePanel({ id, onPick }: Props) {
  const t = useT();
  const custom = useApp((s) => s.customPhrases);
  const lang = useApp((s) => s.lang);
  const displayName = useApp((s) => s.displayName);
  const phrases = phraseEntries(custom, lang, displayName);
  const add = useApp((s) => s.addPhrase);
  const update = useApp((s) => s.updatePhrase);
  const remove = useApp((s) => s.removePhrase);
  const reset = useApp((s) => s.resetPhrases);
  const [editing, setEditing] = useState(false);
  const [fresh, setFresh] = useState('');

  return (
    <div
      id={id}
      className="composer-panel phrase-panel"
      role="dialog"
      aria-label={t('phrases.title')}
    >
      <div className="phrase-head">
        <h2>{t('phrases.title')}</h2>
        <button type="button" className="btn btn-small" aria-pressed={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('phrases.done') : t('phrases.manage')}
        </button>
      </div>
      {phrases.length === 0 && <p className="muted">{t('phrases.empty')}</p>}
      <ul className="phrase-list">
        {phrases.map(({ text: p, gloss }, i) => (
          <li key={`${i}-${p}`}>
            {editing ? (
              <span className="phrase-edit">
                <textarea
                  aria-label={t('phrases.editLabel', { n: i + 1 })}
                  defaultValue={p}
                  maxLength={MAX_PHRASE_CHARS}
                  rows={2}
                  onBlur={(e) => {
                    if (e.target.value !== p) update(i, e.target.value);
                  }}
                />
                <button type="button" className="btn btn-small" onClick={() => remove(i)}>
                  {t('common.delete')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="phrase-item"
                aria-label={t('phrases.insert', { text: p })}
                aria-describedby={gloss ? `${id}-gloss-${i}` : undefined}
                onClick={() => onPick(p)}
              >
                <span lang="zh-CN">{p}</span>
                {gloss && (
                  <span id={`${id}-gloss-${i}`} className="phrase-gloss" lang="en">
                    {gloss}
                  </span>
                )}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing && (
        <form
          className="phrase-add"
          onSubmit={(e) => {
            e.preventDefault();
            add(fresh);
            setFresh('');
          }}
        >
          <label className="visually-hidden" htmlFor={`${id}-new`}>
            {t('phrases.new')}
          </label>
          <input id={`${id}-new`} type="text" value={fresh} maxLength={MAX_PHRASE_CHARS} placeholder={t('phrases.newPlaceholder')} onChange={(e) => setFresh(e.target.value)} />
          <button type="submit" className="btn btn-small btn-blue" disabled={fresh.trim() === ''}>
            {t('common.add')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={reset}>
            {t('phrases.reset')}
          </button>
        </form>
      )}
    </div>
  );
}
