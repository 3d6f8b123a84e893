// Phone numbers and off-platform contact mentions in normalised text.
import type { ContactHit } from './types.ts';
import {
  ADDRESS_CONTEXT, CONTACT_LIST_CLOSE, CONTACT_LIST_ITEM, CONTACT_SOURCE, INVOICE_TO_BUYER, ORDER_CONTEXT, ORDER_NOTE, OWN_CONTACT,
  REFUSAL_CUE,
} from './contactLexicon.ts';
import { clauseStart, negatedAfter, negatedBefore } from './negation.ts';
import { GateTable, gateOf } from './regexGate.ts';

interface Found {
  text: string;
  index: number;
}

const PHONE = /(?<![a-z\d])(?:\+?86[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|[48]00-?\d{3}-?\d{4})(?!\d)/g;
const CONTACT = new RegExp(CONTACT_SOURCE, 'gu');
/** The characters CONTACT cannot match without (regexGate.ts). */
const GATES = new GateTable();
const CONTACT_GATE = GATES.add(gateOf(CONTACT));
const KINDS = ['email', 'qq', 'wechat', 'phone', 'other', 'number'] as const;
const ORDER_LOOKBACK = 12;
const INVOICE_LOOKBACK = 20;
const CLAUSE_END = /[,.!?;:。\n]/u;
const MAYBE_CONTACT = /[a-z@邮微电手联加打拨找致留私钉抖快陌小飞支转收其别发报告线维扫]/u;
const REFUSAL_LOOKAROUND = 8;
/** A number or a handle inside a contact mention (微信 tp_xf88, qq 12345678, 13812345678). */
const CONCRETE_ID = /\d{5,}|[a-z][-_a-z0-9]{5,}/u;

function inContext(context: RegExp, text: string, index: number): boolean {
  const start = clauseStart(text, index, Math.max(0, index - ORDER_LOOKBACK));
  return context.test(text.slice(start, index));
}

/** Reading back the buyer's delivery phone (收货电话是138…对吧) is confirming the address, not diverting. */
function confirmingAddress(text: string, index: number): boolean {
  const before = text.slice(clauseStart(text, index, Math.max(0, index - ORDER_LOOKBACK)), index);
  return ADDRESS_CONTEXT.test(before) && !OWN_CONTACT.test(before);
}

function listEnd(text: string, end: number): number {
  let e = end;
  for (CONTACT_LIST_ITEM.lastIndex = e; CONTACT_LIST_ITEM.test(text); CONTACT_LIST_ITEM.lastIndex = e) e = CONTACT_LIST_ITEM.lastIndex;
  CONTACT_LIST_CLOSE.lastIndex = e;
  return CONTACT_LIST_CLOSE.test(text) ? CONTACT_LIST_CLOSE.lastIndex : e;
}

/** 在订单里备注邮箱 / 电子发票发到您的邮箱: the e-invoice box, an order field, not a contact. */
function invoiceEmail(text: string, index: number, match: string): boolean {
  if (match.includes('@')) return false;
  const before = text.slice(clauseStart(text, index, Math.max(0, index - INVOICE_LOOKBACK)), index);
  return ORDER_NOTE.test(before) || INVOICE_TO_BUYER.test(before);
}

/** CN mobile, landline and 400/800 numbers that are not order or tracking numbers. */
export function findPhones(normalized: string): Found[] {
  const out: Found[] = [];
  for (const m of normalized.matchAll(PHONE)) if (!inContext(ORDER_CONTEXT, normalized, m.index)) out.push({ text: m[0], index: m.index });
  return out;
}

function refused(text: string, index: number, end: number): boolean {
  // 不满意加我QQ 12345678: whatever a negator nearby governs, handing out the id is the offer
  if (CONCRETE_ID.test(text.slice(index, end))) return false;
  if (negatedBefore(text, index) || negatedAfter(text, listEnd(text, end))) return true;
  const from = clauseStart(text, index, Math.max(0, index - REFUSAL_LOOKAROUND));
  let to = end;
  while (to < text.length && to < end + REFUSAL_LOOKAROUND && !CLAUSE_END.test(text[to]!)) to++;
  return REFUSAL_CUE.test(text.slice(from, to));
}

/** Contact mentions with their negation status; `phones` are the numbers findPhones returned. */
export function findContacts(normalized: string, phones: readonly Found[]): ContactHit[] {
  const found: (ContactHit & { index: number; end: number })[] = [];
  if (phones.length === 0 && !MAYBE_CONTACT.test(normalized)) return [];
  const mentions = GATES.mayMatch(CONTACT_GATE, normalized) ? normalized.matchAll(CONTACT) : [];
  for (const m of mentions) {
    const groups = m.groups ?? {};
    const kind = KINDS.find((k) => groups[k] !== undefined);
    if (kind === undefined) continue;
    const end = m.index + m[0].length;
    if (kind === 'number' && (phones.some((p) => p.index >= m.index && p.index < end) || inContext(ORDER_CONTEXT, normalized, m.index))) continue;
    if (kind === 'phone' && confirmingAddress(normalized, end)) continue;
    if (kind === 'email' && invoiceEmail(normalized, m.index, m[0])) continue;
    found.push({ kind: kind === 'number' ? 'other' : kind, text: m[0], index: m.index, end, negated: false });
  }
  for (const p of phones) {
    if (found.some((c) => p.index >= c.index && p.index < c.end) || confirmingAddress(normalized, p.index)) continue;
    found.push({ kind: 'phone', text: p.text, index: p.index, end: p.index + p.text.length, negated: false });
  }
  found.sort((a, b) => a.index - b.index);
  // "加我" right before 微信/QQ is part of that mention, not a second one
  const redundant = (c: (typeof found)[number], i: number) =>
    c.kind === 'other' && c.text.startsWith('加') && (found[i + 1]?.index ?? Infinity) <= c.end + 2;
  return found
    .filter((c, i) => !redundant(c, i))
    .map(({ kind, text, index, end }) => ({ kind, text, negated: refused(normalized, index, end) }));
}
