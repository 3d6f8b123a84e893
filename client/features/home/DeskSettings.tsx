// The trainee's nickname and the mode the next chat starts in; both remembered in this browser.
import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { MAX_DISPLAY_NAME_CHARS } from '../../../server/protocol/limits.ts';
import { useApp } from '../../store/index.ts';
import type { Mode } from '../../store/types.ts';

const MODES: Mode[] = ['practice', 'exam'];

export function DeskSettings() {
  const t = useT();
  const id = useId();
  const displayName = useApp((s) => s.displayName);
  const setDisplayName = useApp((s) => s.setDisplayName);
  const mode = useApp((s) => s.mode);
  const setMode = useApp((s) => s.setMode);
  return (
    <section className="panel desk" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('home.settings')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('home.displayName')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={displayName}
          maxLength={MAX_DISPLAY_NAME_CHARS}
          autoComplete="nickname"
          aria-describedby={`${id}-name-hint`}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <p id={`${id}-name-hint`} className="field-hint">
          {t('home.displayNameHint')}
        </p>
      </div>
      <fieldset className="field mode-field">
        <legend>{t('home.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className={mode === m ? 'mode-option selected' : 'mode-option'}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>
              <strong>{t(`home.mode.${m}`)}</strong>
              <span className="field-hint">{t(m === 'practice' ? 'home.mode.practiceHint' : 'home.mode.examHint')}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
