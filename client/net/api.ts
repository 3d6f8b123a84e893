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
