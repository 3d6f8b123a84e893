// Deleting a draft from the list or from the versions panel: the same confirmation (whose save, and
// when) and the same delete call, which names the revision the trainer saw so a draft saved again
// since is refused (a DraftConflict) instead of deleted. Also the failure text studio calls show,
// worded here from the server's code and reason.
import { dateTime } from '../../ui/format.ts';
import { logUnworded } from '../drill/dict.ts';
import { DraftConflict, ExportNeedsConfirm, StudioError, studioApi } from './api.ts';
import type { StudioKey, useStudioT } from './strings.ts';

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

/** Which studio call failed: the same code means different things after different calls (a 409 on create: the id is taken). */
export type StudioAction = 'list' | 'load' | 'create' | 'save' | 'publish' | 'delete' | 'export' | 'versions';

/**
 * The text shown when a studio call fails, in the page's language: by the server's reason (`not-admin`),
 * else by its code and the call it answered. The server's English message never shows: one the page
 * has no words for is logged to the console, and the page says something general.
 */
export function failedText(d: StudioT, err: unknown, action?: StudioAction, id = ''): string {
  return d('failed', { message: refusalWords(d, err, action, id) });
}

function refusalWords(d: StudioT, err: unknown, action: StudioAction | undefined, id: string): string {
  if (!(err instanceof StudioError)) {
    const message = err instanceof Error ? err.message : String(err);
    logUnworded({ code: 'internal', message }, typeof err === 'object' && err !== null ? err : { message });
    return d('refusal.other');
  }
  const key = refusalKeyOf(err, action);
  if (!key) logUnworded(err);
  return d(key ?? 'refusal.other', { id });
}

function refusalKeyOf(err: StudioError, action: StudioAction | undefined): StudioKey | undefined {
  if (err.reason === 'not-admin') return 'refusal.notAdmin';
  if (err instanceof DraftConflict) return action === 'create' ? 'refusal.draftTaken' : 'refusal.draftChanged';
  if (err instanceof ExportNeedsConfirm) return 'refusal.exportExists';
  switch (err.code) {
    case 'offline':
      return 'refusal.offline';
    case 'forbidden':
      return 'refusal.forbidden';
    case 'unauthorized':
      return 'refusal.loggedOut';
    case 'conflict':
      // Saving under an id the library has (server: "the library already has a scenario ..."), or a
      // version number someone else published a moment before.
      return action === 'create' || action === 'save' ? 'refusal.libraryTaken' : action === 'publish' ? 'refusal.publishRace' : undefined;
    case 'not-found':
      return action === 'load' ? 'refusal.noScenario' : action === 'publish' ? 'refusal.noDraftToPublish' : action === 'delete' ? 'refusal.noDraft' : action === 'export' || action === 'versions' ? 'refusal.noVersion' : 'refusal.notFound';
    case 'bad-request':
      if (action === 'export' && err.diagnostics.length > 0) return 'refusal.exportChecks';
      // The page sends well-formed bodies: a refused save is one over the size limit.
      return action === 'create' || action === 'save' ? 'refusal.tooBig' : 'refusal.badRequest';
    case 'internal':
      return 'refusal.internal';
    default:
      return err.status >= 500 ? 'refusal.internal' : undefined;
  }
}
