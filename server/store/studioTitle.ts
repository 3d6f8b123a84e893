// The title a studio scenario declares, read leniently from its YAML (a draft may not parse or
// may be half-written): the studio list shows it beside the id.
import { parse } from 'yaml';

export interface DraftTitle {
  'zh-CN'?: string;
  en?: string;
}

export function titleOf(source: string): DraftTitle | undefined {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch {
    return undefined;
  }
  const title = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>)['title'] : undefined;
  if (title === null || typeof title !== 'object') return undefined;
  const { 'zh-CN': zh, en } = title as Record<string, unknown>;
  const out: DraftTitle = {};
  if (typeof zh === 'string' && zh.trim() !== '') out['zh-CN'] = zh;
  if (typeof en === 'string' && en.trim() !== '') out.en = en;
  return out['zh-CN'] === undefined && out.en === undefined ? undefined : out;
}
