// Times and amounts as the chat shows them.
import type { Translate } from '../i18n/index.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function shortTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function dateTime(at: number, lang: string): string {
  return new Date(at).toLocaleString(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A waiting timer: m:ss. */
export function stopwatch(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${pad(total % 60)}`;
}

export function duration(ms: number | null, t: Translate): string {
  if (ms === null) return t('common.none');
  const total = Math.round(ms / 1000);
  if (total < 60) return t('common.seconds', { n: total });
  return t('common.minutes', { m: Math.floor(total / 60), s: pad(total % 60) });
}

/** Waiting longer than these turns the timer amber, then red (the rubric's default response targets). */
export const WAIT_AMBER_MS = 15_000;
export const WAIT_RED_MS = 30_000;

export function waitLevel(ms: number): 'ok' | 'amber' | 'red' {
  if (ms >= WAIT_RED_MS) return 'red';
  if (ms >= WAIT_AMBER_MS) return 'amber';
  return 'ok';
}
