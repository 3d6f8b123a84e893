// @vitest-environment jsdom
// The studio's intent picker names each intent by its label in the page's language with its id
// beside it, in the list and on the chosen chips; an intent without a label goes by its id.
import { afterEach, describe, expect, it } from 'vitest';
import { IntentPicker } from '../../client/features/studio/forms/IntentPicker.tsx';
import { intentChoices } from '../../client/features/studio/forms/intentChoices.ts';
import { readForms } from '../../client/features/studio/forms/formModel.ts';
import { appStore } from '../../client/store/index.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';
import { reactRoot } from './reactRoot.ts';

const ctx = libraryContext();
const read = readForms(libraryCopy('bargainer', 'my-bargainer'));
if (!read.ok) throw new Error('bargainer does not read');
const choices = [...intentChoices(ctx.lexicon, read.model.intents), { id: 'no-label', description: undefined, label: undefined, own: true }];

afterEach(() => appStore.setState({ lang: 'zh-CN' }));
const view = reactRoot();

const chips = () => [...view.host.querySelectorAll('.studio-form-chips li')].map((li) => li.textContent?.replace('×', '').trim());
const option = (value: string) => [...view.host.querySelectorAll('option')].find((o) => o.value === value)?.textContent ?? '';

describe('the intent picker', () => {
  it('shows the zh label with the id, for lexicon and scenario intents', () => {
    view.render(<IntentPicker label="意图" choices={choices} value={['polite-refusal', 'bar-soft-firm', 'no-label']} onChange={() => undefined} />);
    expect(chips()).toEqual(['委婉拒绝 polite-refusal', '委婉坚持立场 bar-soft-firm', 'no-label']);
    expect(option('greeting')).toMatch(/^问候（greeting） — /);
    expect(option('bar-price-cut')).toMatch(/^直接让价（bar-price-cut） \[本剧本\]/);
  });

  it('shows the en label in English', () => {
    appStore.setState({ lang: 'en' });
    view.render(<IntentPicker label="Intents" choices={choices} value={['rude-reply']} onChange={() => undefined} />);
    expect(chips()).toEqual(['Rude reply rude-reply']);
    expect(option('greeting')).toMatch(/^Greeting \(greeting\) — /);
    expect(option('no-label')).toBe('no-label [this scenario]');
  });
});
