// Detector findings reported by persona authors, kept apart from the main tables so each stays
// small: a negator that governs something else in the clause must not cancel an apology or a
// promise, and a conditional must not hide an off-platform offer.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../server/engine/analysis/index.ts';
import { analyzeText, detectAbsolutePromise, detectApology, detectOffPlatformContact } from '../../../server/engine/analysis/index.ts';

type Case = [reply: string, hit: boolean];

// 不 negates the complaint (不愉快, 不合脚), not the apology that follows it
const APOLOGY: Case[] = [
  ['让您这么不愉快真的很抱歉', true],
  ['穿着不舒服真的很抱歉', true],
  ['鞋子不合适真抱歉', true],
  ['不合脚给您添麻烦了', true],
  ['您先别急 抱歉', true],
  ['没能及时回复您，对不起', true],
  ['不用道歉，没关系的', false],
  ['您不需要道歉', false],
  ['不用说抱歉', false],
];

// a conditional (…的话 / 如果… / 要是…) ends a negation's reach; a concrete id is an offer anyway
const OFF_PLATFORM: Case[] = [
  ['肯定到的，真不到的话加我微信 tp_xiaofeng88 找我', true],
  ['不满意的话加我微信聊', true],
  ['要是没收到，加我QQ 12345678', true],
  ['如果不合适就加我微信吧', true],
  ['不满意随时加我QQ 12345678', true],
  ['不方便的话微信号 tp_xiaofeng88', true],
  ['平台规定不能加QQ哦', false],
  ['微信的话我们这边是不能加的', false],
  ['不好意思，微信不方便给您', false],
  ['不能加微信的，有问题在旺旺上说就好', false],
];

// a negation inside the promised target (不挤, 不紧, 不会松) is part of the promise
const ABSOLUTE_PROMISE: Case[] = [
  ['保证不挤', true],
  ['保证不紧', true],
  ['绝对不会松', true],
  ['这双保证不挤脚', true],
  ['这个保证不了', false],
  ['我保证不了具体哪天', false],
  ['不能保证不挤', false],
];

describe.each([
  ['detectApology', detectApology, APOLOGY],
  ['detectOffPlatformContact', detectOffPlatformContact, OFF_PLATFORM],
  ['detectAbsolutePromise', detectAbsolutePromise, ABSOLUTE_PROMISE],
] as [string, Detector, Case[]][])('%s findings', (_name, detector, cases) => {
  it.each(cases)('%s -> %s', (reply, hit) => {
    const d = detector(analyzeText(reply));
    expect(d.hit, `${reply} -> ${JSON.stringify(d)}`).toBe(hit);
  });
});
