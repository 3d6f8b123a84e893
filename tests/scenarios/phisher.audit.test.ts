// What the phisher teaches about declining a file: the reference reply and the feedback give the
// real reason (account safety: files sent in chat can carry viruses), never a made-up one such as a
// laggy connection, which falls apart the moment the buyer resends in another format.
import { describe, expect, it } from 'vitest';
import { loadLevels, personaLevels } from './personaHarness.ts';

const ids = personaLevels('phisher');
const levels = await loadLevels(ids);
const MADE_UP = /网络(有点|太|很)?卡|网速|收不了文件|laggy|connection/iu;

describe.each(ids)('%s: declining the bulk-order file', (id) => {
  const rule = levels[id].compiled.scenario.rubric.rules.find((r) => r.id === 'file-decline-redirect-cart');

  it('has a reference reply with the real reason and no invented excuse', () => {
    expect(rule).toBeDefined();
    const texts = [rule?.modelReply?.['zh-CN'], rule?.modelReply?.en, rule?.feedback['zh-CN']];
    expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect(rule?.modelReply?.['zh-CN']).toMatch(/安全/u);
    expect(rule?.modelReply?.en).toMatch(/safe/u);
    expect(rule?.modelReply?.['zh-CN']).not.toMatch(MADE_UP);
    expect(rule?.modelReply?.en).not.toMatch(MADE_UP);
  });
});
