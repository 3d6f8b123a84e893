// Photo requests from a trainee's browser audit: a counted shot (一张…的特写, 一张…的照片) is a
// request however long its description, while the shop's own pictures and past photos stay out.
import { describe, expect, it } from 'vitest';
import { analyzeText, detectPhotoRequest } from '../../../server/engine/analysis/index.ts';

const CASES: [reply: string, hit: boolean][] = [
  ['麻烦拍一张整只鞋和一张开裂处的特写，我们核实后尽快处理', true],
  ['或者先发一张开裂处的照片', true],
  ['麻烦您拍一张开胶处的特写发给我们', true],
  ['您拍两张照片给我们看看', true],
  ['我这边需要您拍一张照片', true],
  ['麻烦您帮我拍一张整只鞋的', true],
  ['我们发货前会拍一张照片存档', false],
  ['我这边先发一张实物图给您参考', false],
  ['客服这边发一张图给您看', false],
  ['我们拍了一张实物图', false],
  ['您发的那张照片我看到了', false],
  ['商品详情页有一张细节图', false],
  ['不用再发一张照片了', false],
  ['仓库那边会拍两张照片核对', false],
  ['特写镜头的照片仅供参考', false],
  ['请拍一单就好', false],
];

describe('detectPhotoRequest on the audit replies', () => {
  it.each(CASES)('%s -> %s', (reply, hit) => {
    const d = detectPhotoRequest(analyzeText(reply));
    expect(d.hit, `${reply} -> ${JSON.stringify(d)}`).toBe(hit);
  });
});
