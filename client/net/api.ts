// The server's HTTP API: the persona library, a scenario's public context, a session's view and the
// rule texts its verdicts are shown with.
import type { Api, ScenarioContext, ScenarioSummary, SessionRuleTexts, SessionView } from '../store/types.ts';

/** A rule-texts request with no whole answer by then fails (and the chat asks again later). */
export const RULE_TEXTS_TIMEOUT_MS = 10_000;

/** GET `path` as JSON; with `timeoutMs`, a request (body included) not answered in time fails with a timeout. */
async function getJson<T>(path: string, headers: Record<string, string> = {}, timeoutMs?: number): Promise<T> {
  const controller = timeoutMs === undefined ? undefined : new AbortController();
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  try {
    const res = await fetch(path, { headers: { accept: 'application/json', ...headers }, ...(controller ? { signal: controller.signal } : {}) });
    if (!res.ok) {
      let detail = res.statusText;
      try {
        const body = (await res.json()) as { error?: { message?: string } };
        detail = body.error?.message ?? detail;
      } catch (err) {
        if (controller?.signal.aborted) throw err;
        // Not JSON: the status text will do.
      }
      throw new Error(`${res.status} ${detail}`);
    }
    return (await res.json()) as T;
  } catch (err) {
    if (controller?.signal.aborted && timeoutMs !== undefined) throw new Error(`timeout: no answer in ${timeoutMs / 1000} s`, { cause: err });
    throw err;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export const httpApi: Api = {
  async scenarios() {
    return (await getJson<{ scenarios: ScenarioSummary[] }>('/api/scenarios')).scenarios;
  },
  context(scenarioId, version) {
    return getJson<ScenarioContext>(`/api/scenarios/${encodeURIComponent(scenarioId)}/context?version=${version}`);
  },
  session(sessionId, token) {
    return getJson<SessionView>(`/api/sessions/${encodeURIComponent(sessionId)}`, { authorization: `Bearer ${token}` });
  },
  ruleTexts(sessionId, token) {
    // No token (a trainer watching a chat): the login cookie, sent same-origin by default, answers for it.
    // A hung request would leave the chips waiting for good: it times out, and the chat asks again.
    return getJson<SessionRuleTexts>(`/api/sessions/${encodeURIComponent(sessionId)}/rules`, token ? { authorization: `Bearer ${token}` } : {}, RULE_TEXTS_TIMEOUT_MS);
  },
};

/** A row of GET /api/trainers (admins only). Times are epoch ms; lastLoginAt null: never logged in. */
export interface TrainerListItem {
  id: string;
  name: string;
  admin: boolean;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

/**
 * A trainer account request (login cookie, same origin). A refusal rejects with an Error carrying the
 * server's `code`, `reason` and `retryAfterSeconds` (trainerFailure reads them); no answer at all is
 * code `offline`.
 */
async function accountCall<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (err) {
    throw Object.assign(new Error(err instanceof Error ? err.message : String(err)), { code: 'offline' });
  }
  const answer = (await res.json().catch(() => ({}))) as { error?: { code?: unknown; reason?: unknown; message?: unknown; retryAfterSeconds?: unknown } };
  if (!res.ok) {
    const e = answer.error;
    throw Object.assign(new Error(typeof e?.message === 'string' ? e.message : res.statusText), {
      code: typeof e?.code === 'string' ? e.code : `http-${res.status}`,
      ...(typeof e?.reason === 'string' ? { reason: e.reason } : {}),
      ...(typeof e?.retryAfterSeconds === 'number' ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
    });
  }
  return answer as T;
}

/** Every trainer account (admins only). */
export async function listTrainers(): Promise<TrainerListItem[]> {
  return (await accountCall<{ trainers: TrainerListItem[] }>('/api/trainers')).trainers;
}

/** Disables (ending the trainer's logins) or enables an account (admins only). */
export async function setTrainerDisabled(trainerId: string, disabled: boolean): Promise<void> {
  await accountCall(`/api/trainers/${encodeURIComponent(trainerId)}`, 'PATCH', { disabled });
}

/** A new password for another trainer (admins only); the trainer's logins end. */
export async function resetTrainerPassword(trainerId: string, password: string): Promise<void> {
  await accountCall(`/api/trainers/${encodeURIComponent(trainerId)}/password`, 'POST', { password });
}

/** The logged-in trainer's own new password, given the current one; their other logins end. */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  await accountCall('/api/trainer/password', 'POST', { currentPassword, newPassword });
}
