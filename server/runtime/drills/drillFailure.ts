// Why a drill refused what a trainer or trainee asked of it: the answer's error, as the ack carries it,
// with the reason code the client words (DrillErrorReason in server/protocol/drillEvents.ts).
import type { DrillErrorReason } from '../../protocol/index.ts';

export type DrillFailure = { code: 'drill-locked' | 'drill-not-running' | 'drill-full' | 'not-found' | 'bad-request'; reason: DrillErrorReason; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: DrillFailure };
export const failure = (code: DrillFailure['code'], reason: DrillErrorReason, message: string): { ok: false; error: DrillFailure } => ({ ok: false, error: { code, reason, message } });
