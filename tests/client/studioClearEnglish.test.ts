// Clearing the English of an authored text in a form (a title, a description, a rule's feedback, a
// move name) takes the `en` key out of the YAML: `en: ''` is refused by the check, a missing `en`
// is not (the English UI shows the Chinese). Everything else in the file stays byte for byte.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkSource } from '../../client/features/studio/checks.ts';
import { setMoveLabel } from '../../client/features/studio/forms/yamlAdd.ts';
import { setValue } from '../../client/features/studio/forms/yamlEdit.ts';
import type { YamlPath } from '../../client/features/studio/forms/yamlDoc.ts';
import { edited, libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();
const clear = (text: string, path: YamlPath) => edited(text, setValue(text, path, ''));
const clean = (text: string, id: string) => checkSource(text, id, ctx, false).diagnostics.map((d) => d.message);

describe('clearing an English text', () => {
  it('removes a block-style `en:` line of the title, leaving the rest of the file (comments too) as it was', () => {
    const source = libraryCopy('bargainer-easy', 'my-easy');
    const line = "  en: 'The bargainer (easy): a student hoping for a little off'\n";
    expect(source).toContain(line);
    const after = clear(source, ['title', 'en']);
    expect(after).toBe(source.replace(line, ''));
    expect(parseDocument(after).getIn(['title'])).toBeDefined();
    expect(parseDocument(after).toJS().title).toEqual({ 'zh-CN': '议价买家（入门）：学生党想便宜点' });
    expect(clean(after, 'my-easy')).toEqual([]);
  });

  it('removes a folded multi-line English description whole', () => {
    const source = libraryCopy('bargainer-easy', 'my-easy');
    const after = clear(source, ['description', 'en']);
    const start = source.indexOf('  en: >-\n    Xiaoyu');
    const end = source.indexOf('persona: bargainer');
    expect(after).toBe(source.slice(0, start) + source.slice(end));
    expect(clean(after, 'my-easy')).toEqual([]);
  });

  it("removes a rule's English feedback and model reply, and the check passes", () => {
    const source = libraryCopy('bargainer-easy', 'my-easy');
    const feedback = clear(source, ['rubric', 'rules', 0, 'feedback', 'en']);
    const both = clear(feedback, ['rubric', 'rules', 0, 'modelReply', 'en']);
    const removed = source.split('\n').filter((l) => !both.split('\n').includes(l));
    expect(removed).toHaveLength(2);
    expect(removed.every((l) => l.startsWith('        en: '))).toBe(true);
    expect(clean(both, 'my-easy')).toEqual([]);
  });

  it('inside `{...}` takes the entry and its comma; spaces alone count as cleared; comments around stay', () => {
    const flow = "id: a\n# the name\ntitle: { zh-CN: 标题, en: Title } # keep\nx: 1\n";
    expect(clear(flow, ['title', 'en'])).toBe("id: a\n# the name\ntitle: { zh-CN: 标题 } # keep\nx: 1\n");
    expect(edited(flow, setValue(flow, ['title', 'en'], '  '))).toBe("id: a\n# the name\ntitle: { zh-CN: 标题 } # keep\nx: 1\n");
    const block = 'title:\n  # English below\n  en: Title\n  # Chinese below\n  zh-CN: 标题\nx: 1\n';
    expect(clear(block, ['title', 'en'])).toBe('title:\n  # English below\n  # Chinese below\n  zh-CN: 标题\nx: 1\n');
  });

  it('writes nothing when there is no English to clear, and leaves keys named en outside a text alone', () => {
    const zhOnly = 'title: { zh-CN: 标题 }\n';
    expect(setValue(zhOnly, ['title', 'en'], '')).toBeNull();
    // Not an authored text (no zh-CN beside it): an ordinary value, written as asked.
    expect(clear('vars: { en: 1, b: 2 }\n', ['vars', 'en'])).toBe("vars: { en: '', b: 2 }\n");
  });

  it("of a move name leaves its Chinese, which the check accepts", () => {
    const source = libraryCopy('bargainer-easy', 'my-easy');
    const after = edited(source, setMoveLabel(source, 'ask-shipping', 'en', ''));
    expect(after).toBe(source.replace("    label: { zh-CN: 要求包邮, en: 'Asks for free shipping' }\n", '    label: { zh-CN: 要求包邮 }\n'));
    expect(clean(after, 'my-easy')).toEqual([]);
  });
});
