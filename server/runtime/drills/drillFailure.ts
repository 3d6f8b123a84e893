// Why a drill refused what a trainer or trainee asked of it: the answer's error, as the ack carries it.
export type DrillFailure = { code: 'drill-locked' | 'drill-not-running' | 'not-found' | 'bad-request'; message: string };
export type Result<T> = { ok: true; data: T } | { ok: false; error: DrillFailure };
export const failure = (code: DrillFailure['code'], message: string): { ok: false; error: DrillFailure } => ({ ok: false, error: { code, message } });
