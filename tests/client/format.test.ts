// The waiting timer's colours and the durations the report prints.
import { describe, expect, it } from 'vitest';
import { translate } from '../../client/i18n/index.ts';
import { duration, stopwatch, waitLevel } from '../../client/ui/format.ts';

describe('format', () => {
  it('turns the waiting timer amber at 15 s and red at 30 s', () => {
    expect([0, 14_999, 15_000, 29_999, 30_000].map(waitLevel)).toEqual(['ok', 'ok', 'amber', 'amber', 'red']);
    expect(stopwatch(65_400)).toBe('1:05');
  });

  it('prints durations in both languages', () => {
    expect(duration(12_400, (k, p) => translate('zh-CN', k, p))).toBe('12 秒');
    expect(duration(95_000, (k, p) => translate('en', k, p))).toBe('1 min 35 s');
    expect(duration(null, (k, p) => translate('en', k, p))).toBe('—');
  });
});
