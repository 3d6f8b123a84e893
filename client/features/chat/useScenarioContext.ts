// The buyer, order and shop of a session's scenario, loaded once per scenario version.
import { useEffect } from 'react';
import { contextKey } from '../../store/catalogSlice.ts';
import type { Loadable } from '../../store/catalogSlice.ts';
import { useApp } from '../../store/index.ts';
import type { ScenarioContext, ScenarioSummary } from '../../store/types.ts';

export function useScenarioContext(scenario: Pick<ScenarioSummary, 'id' | 'version'> | undefined): Loadable<ScenarioContext> | undefined {
  const key = scenario ? contextKey(scenario) : '';
  const context = useApp((s) => (key ? s.contexts[key] : undefined));
  const load = useApp((s) => s.loadContext);
  const backend = useApp((s) => s.backend);
  const id = scenario?.id;
  const version = scenario?.version;
  useEffect(() => {
    if (backend && id !== undefined && version !== undefined) void load({ id, version });
  }, [backend, id, version, load]);
  return context;
}

export function readyContext(context: Loadable<ScenarioContext> | undefined): ScenarioContext | undefined {
  return context?.state === 'ready' ? context.data : undefined;
}
