// 「存为正例/反例测试」 adds the test's own lines and nothing else: the rest of the YAML stays byte
// for byte (a trainer's `[seven-day-return]` is not re-spaced), and the test still checks clean.
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../client/features/studio/checks.ts';
import { appendTest, initialVars, playReply, testFrom } from '../../client/features/studio/playtest.ts';
import { libraryContext, libraryCopy } from './studioFixture.ts';

const ctx = libraryContext();

/** `after` is `before` with one run of text inserted: returns that run. */
function inserted(before: string, after: string): string {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  expect(head + tail, 'the old text is kept around one insertion').toBe(before.length);
  return after.slice(head, after.length - tail);
}

describe('saving a play-test reply as a test', () => {
  it('inserts only the new test, named as the page words it', () => {
    // Flow lists written with and without inner spaces: both must stay as written.
    const source = libraryCopy('bargainer-easy', 'my-easy').replace(/^(\s+intent: )(\S+)$/m, '$1[$2]').replace(/^tests:\n/m, 'tests: # mine\n');
    const compiled = checkSource(source, 'my-easy', ctx).compiled;
    if (!compiled) throw new Error('does not compile');
    const reply = '亲，运费是快递按重量收的，我们只是代收哦';
    const result = playReply(compiled, 'ask-shipping', initialVars(compiled), reply);
    const after = appendTest(source, testFrom('bad', 'ask-shipping', initialVars(compiled), initialVars(compiled), reply, result, '反例：在 ask-shipping 回复「亲，运费」'));
    const added = inserted(source, after);
    expect(added).toMatch(/^ *- name: 反例：在 ask-shipping 回复「亲，运费」\n/);
    expect(added).toContain('kind: bad');
    expect(checkSource(after, 'my-easy', ctx).diagnostics).toEqual([]);
    expect(checkSource(after, 'my-easy', ctx).scenario?.tests.at(-1)).toMatchObject({ name: '反例：在 ask-shipping 回复「亲，运费」', kind: 'bad', reply });
  });

  it('creates tests: when the file has none, leaving the rest as written', () => {
    const full = libraryCopy('bargainer-easy', 'my-easy');
    const source = full.slice(0, full.search(/^tests:/m));
    const compiled = checkSource(source, 'my-easy', ctx).compiled;
    if (!compiled) throw new Error('does not compile');
    const reply = '亲，这款已经是活动价了';
    const result = playReply(compiled, 'ask-discount', initialVars(compiled), reply);
    const after = appendTest(source, testFrom('golden', 'ask-discount', initialVars(compiled), initialVars(compiled), reply, result));
    expect(inserted(source, after)).toMatch(/^tests:\n/m);
    expect(checkSource(after, 'my-easy', ctx).scenario?.tests).toHaveLength(1);
  });
});
