// The server's HTTP API: the persona library, a scenario's public context, a session's view and the
// rule texts its verdicts are shown with.
import type { Api, ScenarioContext, ScenarioSummary, SessionRuleTexts, SessionView } from '../store/types.ts';

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json', ...headers } });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      detail = body.error?.message ?? detail;
    } catch {
      // Not JSON: the status text will do.
    }
    throw new Error(`${res.status} ${detail}`);
  }
  return (await res.json()) as T;
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
    return getJson<SessionRuleTexts>(`/api/sessions/${encodeURIComponent(sessionId)}/rules`, token ? { authorization: `Bearer ${token}` } : {});
  },
};
