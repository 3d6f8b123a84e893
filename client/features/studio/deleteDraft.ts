// Deleting a draft from the list or from the versions panel: the same confirmation (whose save, and
// when) and the same delete call, which names the revision the trainer saw so a draft saved again
// since is refused (a DraftConflict) instead of deleted. Also the failure text studio calls show.
import { dateTime } from '../../ui/format.ts';
import { studioApi } from './api.ts';
import type { useStudioT } from './strings.ts';

type StudioT = ReturnType<typeof useStudioT>;

/** The draft as the trainer saw it. */
export interface SeenDraft {
  revision: string;
  savedBy?: string | undefined;
  savedAt?: number | undefined;
}

/** Asks to confirm, then deletes. False when the trainer declined; throws what the server refused. */
export async function confirmDeleteDraft(d: StudioT, lang: string, id: string, draft: SeenDraft): Promise<boolean> {
  if (!window.confirm(d('delete.confirm', { id, who: draft.savedBy ?? '', when: dateTime(draft.savedAt ?? 0, lang) }))) return false;
  await studioApi.deleteDraft(id, draft.revision);
  return true;
}

/** The text shown when a studio call fails. */
export function failedText(d: StudioT, err: unknown): string {
  return d('failed', { message: err instanceof Error ? err.message : String(err) });
}
