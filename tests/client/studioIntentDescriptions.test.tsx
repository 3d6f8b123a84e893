// @vitest-environment jsdom
// The studio describes each intent in the page's language: in the picker's list (cut short), whole
// under the list once one is picked, and as the tooltip of a chosen chip; the scenario's own intents
// are read from its YAML in both languages, and an older file's one plain string shows as it is.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { IntentPicker } from '../../client/features/studio/forms/IntentPicker.tsx';
import { descriptionIn, intentChoices } from '../../client/features/studio/forms/intentChoices.ts';
import { readForms } from '../../client/features/studio/forms/formModel.ts';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ctx = libraryContext();
const read = readForms(libraryCopy('bargainer', 'my-bargainer'));
if (!read.ok) throw new Error('bargainer does not read');
const older = { id: 'older-intent', description: 'Written before descriptions had two languages.', label: undefined, own: true };
const choices = [...intentChoices(ctx.lexicon, read.model.intents), older];

const greeting = ctx.lexicon.intents['greeting']?.description;
if (typeof greeting !== 'object') throw new Error('greeting is not described in both languages');

afterEach(() => appStore.setState({ lang: 'zh-CN' }));
const view = reactRoot();

const option = (value: string) => [...view.host.querySelectorAll('option')].find((o) => o.value === value);
const chip = (id: string) => [...view.host.querySelectorAll('.studio-form-chips li')].find((li) => li.textContent?.includes(id));
const hint = () => view.host.querySelector('.studio-form-intent-hint');

function pick(id: string) {
  const select = view.host.querySelector('select');
  if (!select) throw new Error('no select');
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, id);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return select;
}

describe('intent descriptions in the studio', () => {
  it('reads a scenario intent described in both languages from its YAML', () => {
    const own = read.model.intents.find((i) => i.id === 'bar-no-gift');
    expect(own?.description).toMatchObject({ 'zh-CN': expect.stringMatching(/^说明没有赠品/), en: expect.stringMatching(/^Says there is no gift/) });
  });

  it('describes in Chinese on a Chinese page: list, picked hint, chip tooltip', () => {
    view.render(<IntentPicker label="意图" choices={choices} value={['bar-no-gift']} onChange={() => undefined} />);
    expect(option('greeting')?.textContent).toBe(`问候（greeting） — ${[...greeting['zh-CN']].slice(0, 60).join('')}`);
    expect(option('greeting')?.title).toBe(greeting['zh-CN']);
    expect(chip('bar-no-gift')?.getAttribute('title')).toMatch(/^说明没有赠品/);
    expect(hint()).toBeNull();
    const select = pick('greeting');
    expect(hint()?.textContent).toBe(greeting['zh-CN']);
    expect(select.getAttribute('aria-describedby')).toBe(hint()?.id);
  });

  it('describes in English on an English page', () => {
    appStore.setState({ lang: 'en' });
    view.render(<IntentPicker label="Intents" choices={choices} value={['bar-no-gift']} onChange={() => undefined} />);
    expect(option('greeting')?.textContent).toBe(`Greeting (greeting) — ${[...greeting.en].slice(0, 60).join('')}`);
    expect(chip('bar-no-gift')?.getAttribute('title')).toMatch(/^Says there is no gift/);
    pick('greeting');
    expect(hint()?.textContent).toBe(greeting.en);
  });

  it('shows an older plain-string description as it is, in either language', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      act(() => appStore.setState({ lang }));
      view.render(<IntentPicker label="Intents" choices={choices} value={[]} onChange={() => undefined} />);
      expect(option('older-intent')?.textContent).toMatch(/ — Written before descriptions had two languages\.$/);
    }
  });

  it('falls back to the other language while one is not written yet', () => {
    expect(descriptionIn({ en: 'Only English so far' }, 'zh-CN')).toBe('Only English so far');
    expect(descriptionIn({ 'zh-CN': '只写了中文', en: '  ' }, 'en')).toBe('只写了中文');
    expect(descriptionIn(undefined, 'en')).toBeUndefined();
  });
});
