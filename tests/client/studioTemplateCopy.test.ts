// A new scenario from a library template drops the library's English developer comments (a
// trainer reading only Chinese met "digest §4(d)" first), starts at version 1, and still checks clean.
// The English-only move notes fold away in the Chinese UI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../client/features/studio/checks.ts';
import { foldsNote } from '../../client/features/studio/forms/MoveNote.tsx';
import { atVersionOne, fromTemplate, withoutComments } from '../../client/features/studio/templateCopy.ts';
import { titleOf } from '../../server/store/studioTitle.ts';
import { libraryContext } from './studioFixture.ts';

describe('a template copy', () => {
  it('drops whole-line and trailing comments, never a # inside a value', () => {
    const src = "# head\nid: x # why\nsay: |\n  # 台词\n  好\nt: '# not a comment'\n  # indented\nu: 1\n";
    expect(withoutComments(src)).toBe("id: x\nsay: |\n  # 台词\n  好\nt: '# not a comment'\nu: 1\n");
  });

  it('sets version 1, adding it after the id when missing', () => {
    expect(atVersionOne('id: a\nversion: 4\n')).toBe('id: a\nversion: 1\n');
    expect(atVersionOne('id: a\nx: 1\n')).toBe('id: a\nversion: 1\nx: 1\n');
  });

  it('of every library scenario keeps no developer comment and passes the checks', () => {
    const ctx = libraryContext();
    for (const name of ['bargainer-easy', 'post-sale-complainer-easy', 'phisher-hard', 'size-hesitant']) {
      const copy = fromTemplate(readFileSync(`scenarios/${name}.yaml`, 'utf8'), 'my-copy', '由模板新建');
      expect(copy.startsWith('# 由模板新建\nid: my-copy\n')).toBe(true);
      // (move notes, values, may still cite the digest: they fold away in the form)
      expect(copy.split('\n').filter((l) => /^\s*#/.test(l))).toEqual(['# 由模板新建']);
      expect(copy).not.toMatch(/ # .*§/);
      expect(copy).toMatch(/^version: 1$/m);
      expect(checkSource(copy, 'my-copy', ctx).diagnostics, name).toEqual([]);
    }
  });
});

describe('move notes', () => {
  it('fold away when English-only in the Chinese UI, show otherwise', () => {
    expect(foldsNote('Opens with the late parcel (digest §4(d) move 1)', 'zh-CN')).toBe(true);
    expect(foldsNote('Opens with the late parcel', 'en')).toBe(false);
    expect(foldsNote('先说包裹晚到', 'zh-CN')).toBe(false);
  });
});

describe('a draft title for the studio list', () => {
  it('is read leniently', () => {
    expect(titleOf('id: a\ntitle: { zh-CN: 我的剧本 }\n')).toEqual({ 'zh-CN': '我的剧本' });
    expect(titleOf('id: a\ntitle: { zh-CN: 我的, en: Mine }\n')).toEqual({ 'zh-CN': '我的', en: 'Mine' });
    expect(titleOf('id: a\ntitle: [\n')).toBeUndefined();
    expect(titleOf('id: a\n')).toBeUndefined();
  });
});
