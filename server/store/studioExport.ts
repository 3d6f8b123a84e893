// Exporting a published studio version into the persona library as scenarios/<id>.yaml. Only a
// published version is written, and only after it passes today's checks against today's library
// (the lexicon or a shop may have changed since it was published), so the file passes
// `check:scenarios`. A file already there is replaced without asking only when it is an earlier
// export of this same scenario (its text is one of the published versions); anything else belongs to
// the library's authors and needs an explicit confirmation.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../engine/index.ts';
import { scenarioPathFor } from './scenarioFiles.ts';
import { checkStudioSource } from './studioCheck.ts';
import type { PublishedVersion, StudioStore } from './studioStore.ts';

export type ExportResult =
  | { ok: true; file: string; replaced: boolean }
  | { ok: false; reason: 'needs-confirm'; message: string; declaredId: string | undefined }
  | { ok: false; reason: 'check'; diagnostics: Diagnostic[] }
  | { ok: false; reason: 'io'; message: string };

export async function exportToLibrary(dir: string, store: StudioStore, published: PublishedVersion, confirm: boolean): Promise<ExportResult> {
  const { id } = published;
  const checked = await checkStudioSource(dir, id, published.source);
  if (!checked.ok) return { ok: false, reason: 'check', diagnostics: checked.diagnostics };
  const path = scenarioPathFor(dir, id);
  const file = `${id}.yaml`;
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return { ok: false, reason: 'io', message: `cannot read ${file}: ${code ?? String(err)}` };
  }
  if (existing !== undefined && !confirm && !(await store.isPublishedText(id, existing))) {
    const declaredId = /^id:\s*['"]?([^'"\s#]+)/m.exec(existing)?.[1];
    return { ok: false, reason: 'needs-confirm', declaredId, message: `the library already has ${file}${declaredId ? ` (id "${declaredId}")` : ''} and it is not an export of this studio scenario; confirm to replace it` };
  }
  // Written beside the target and renamed over it: a reader never sees half a file. The temporary
  // name does not end in .yaml, so the library listing never picks it up.
  const temp = join(dir, `.${id}.${randomBytes(6).toString('hex')}.export-tmp`);
  try {
    await writeFile(temp, published.source, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    return { ok: false, reason: 'io', message: `cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  return { ok: true, file, replaced: existing !== undefined };
}
