// Money offered for a review (好评返现, 别差评 给你返20), a list a trainee's browser audit found
// missing: real careless replies and the nearby good ones that must stay clear (asking for a good
// review, compensating a defect, refusing cash-back).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../server/engine/analysis/index.ts';
import { detectReviewInducement } from '../../../server/engine/analysis/detectors.ts';

const REVIEW: [reply: string, hit: boolean][] = [
  ['别差评啊 加我微信 kefu8899 给你返20', true],
  ['亲，给个五星好评返您10元哦', true],
  ['好评返现', true],
  ['删了差评给你补20块', true],
  ['红包给你 把差评删了', true],
  ['发您20元红包换个好评', true],
  ['不要给差评嘛，我们送你个10元红包', true],
  ['晒图返红包', true],
  ['追评带图返5元', true],
  ['別給差評，返你20', true],
  ['收到满意的话麻烦给个好评哦', false],
  ['这款好评率很高，给您退20元运费', false],
  ['亲，运费我们给您补20元，收到满意的话麻烦给个好评哦', false],
  ['非常抱歉，我们不能给您返现，差评您按实际情况写就好', false],
  ['差评我们不会给您返现的', false],
  ['好评返现是违规的，我们不做', false],
  ['我们不做好评返现', false],
  ['亲，给您补偿20元，实在抱歉', false],
  ['您先别急着给差评，问题我们一定处理好', false],
];

describe.each([
  ['detectReviewInducement', detectReviewInducement, REVIEW],
] as const)('%s', (_name, detector, cases) => {
  it.each(cases)('%s -> %s', (reply, hit) => {
    const d = detector(analyzeText(reply));
    expect(d.hit, `${reply} -> ${JSON.stringify(d)}`).toBe(hit);
    if (hit) expect(d.evidence?.length ?? 0).toBeGreaterThan(0);
  });
});
