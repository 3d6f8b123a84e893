// Since when a trainee's tile has shown them offline, as this dashboard saw it go: the server sends
// only `connected`, so the moment is the arrival of the update that turned it off (the store's
// `clockAt`, within the feed's half second). A tile first seen offline (a dashboard opened or
// reloaded after they left) has no known start: it says only that they are offline, no guess.
import { useState } from 'react';
import { useApp } from '../../store/index.ts';

/** Wall ms since when the seat is offline; null when online, or when it was offline already when first seen. */
export function useOfflineSince(connected: boolean): number | null {
  const arrivedAt = useApp((s) => s.live?.clockAt ?? 0);
  const [seen, setSeen] = useState<{ connected: boolean; since: number | null }>({ connected, since: null });
  // Adjusted while rendering (React's "storing information from previous renders"): no extra pass.
  if (seen.connected !== connected) setSeen({ connected, since: connected ? null : arrivedAt });
  return connected || seen.connected ? null : seen.since;
}
