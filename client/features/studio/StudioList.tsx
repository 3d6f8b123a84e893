// The studio's scenario list: library scenarios as templates, studio scenarios (drafts and published
// versions, also those whose draft was deleted); create from a template, duplicate (the new id is
// asked in DuplicateDialog), import a YAML file, export, open a scenario's versions, delete a draft.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { local } from '../../i18n/index.ts';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import type { ScenarioSummary } from '../../store/types.ts';
import { byPersonaAndLevel } from '../../ui/scenarioOrder.ts';
import { declaredId, ID_PATTERN, studioApi, withId } from './api.ts';
import type { StudioList as List } from './api.ts';
import { confirmDeleteDraft, failedText } from './deleteDraft.ts';
import { DuplicateDialog } from './DuplicateDialog.tsx';
import { useStudioT } from './strings.ts';
import { ScenarioIdInput } from './ScenarioIdInput.tsx';

export const editPath = (id: string) => paths.trainer(`/studio/edit/${id}`);
export const versionsPath = (id: string) => paths.trainer(`/studio/versions/${id}`);

export function StudioList() {
  const d = useStudioT();
  const navigate = useApp((s) => s.navigate);
  const lang = useApp((s) => s.lang);
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Worded as it shows, so it follows the language switch.
  const [listFailed, setListFailed] = useState<{ err: unknown } | null>(null);
  const reload = useCallback(() => {
    studioApi.list().then(setList, (err: unknown) => setListFailed({ err }));
  }, []);
  useEffect(reload, [reload]);

  /** Saves `source` as the draft of `id` and opens it; the words of a refusal otherwise. */
  const save = async (id: string, source: () => Promise<string>): Promise<string | null> => {
    if (!ID_PATTERN.test(id)) return d('create.badId');
    try {
      await studioApi.saveDraft(id, withId(await source(), id), { create: true });
      navigate(editPath(id));
      return null;
    } catch (err) {
      return failedText(d, err, 'create', id);
    }
  };
  const create = async (id: string, source: () => Promise<string>) => {
    setError(null);
    setError(await save(id, source));
  };
  const [duplicating, setDuplicating] = useState<string | null>(null);
  const peekSource = (id: string) => async () => (await studioApi.peek(id)).source;
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    const id = declaredId(text);
    if (!id) return setError(d('import.noId'));
    await create(id, async () => text);
  };

  /** Deleted only as the trainer saw it: a draft saved again since is not deleted (409). */
  const deleteDraft = async (id: string) => {
    setError(null);
    try {
      const draft = await studioApi.peek(id);
      if (draft.from !== 'draft' || draft.revision === null) return reload();
      if (!(await confirmDeleteDraft(d, lang, id, { revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.savedAt }))) return;
    } catch (err) {
      setError(failedText(d, err, 'delete', id));
    }
    reload();
  };

  const published = new Map(list?.published.map((p) => [p.id, p.version]));
  const drafts = new Set(list?.drafts.map((s) => s.id));
  const studioIds = [...new Set([...drafts, ...published.keys()])].sort();
  const taken = new Set([...studioIds, ...(list?.library.map((s) => s.id) ?? [])]);
  return (
    <>
      {(error ?? listFailed) && <p className="studio-error" role="alert">{error ?? failedText(d, listFailed?.err, 'list')}</p>}
      <CreateForm templates={list?.library ?? []} onCreate={(template, id) => void create(id, peekSource(template))} />
      <section className="trainer-card card">
        <h2>{d('list.drafts')}</h2>
        <label className="btn btn-small">
          {d('import.label')}
          <input type="file" accept=".yaml,.yml,application/yaml,text/yaml" className="visually-hidden" onChange={(e) => void onImport(e)} />
        </label>
        {list && studioIds.length === 0 && <p className="muted">{d('list.emptyDrafts')}</p>}
        <ul className="studio-list">
          {studioIds.map((id) => (
            <li key={id} data-scenario={id}>
              <AppLink to={editPath(id)}>{id}</AppLink>
              <span className="muted">
                {published.has(id) ? d('list.published', { version: published.get(id) ?? 0 }) : d('list.unpublished')}
                {drafts.has(id) ? '' : ` · ${d('list.noDraft')}`}
              </span>
              <AppLink to={versionsPath(id)} className="btn btn-small btn-ghost">{d('list.versions')}</AppLink>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setDuplicating(id)}>{d('list.duplicate')}</button>
              <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(id)} download={`${id}.yaml`}>{d('list.export')}</a>
              {drafts.has(id) && <button type="button" className="btn btn-small btn-ghost" onClick={() => void deleteDraft(id)}>{d('delete.draft')}</button>}
            </li>
          ))}
        </ul>
      </section>
      <section className="trainer-card card">
        <h2>{d('list.library')}</h2>
        <ul className="studio-list">
          {list?.library.map((s) => (
            <li key={s.id}>
              <span>{s.id}</span>
              <LibraryTitle title={s.title} />
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setDuplicating(s.id)}>{d('list.duplicate')}</button>
              <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(s.id)} download={`${s.id}.yaml`}>{d('list.export')}</a>
            </li>
          ))}
        </ul>
      </section>
      <DuplicateDialog from={duplicating} taken={taken} onDuplicate={(from, id) => save(id, peekSource(from))} onClose={() => setDuplicating(null)} />
    </>
  );
}

function LibraryTitle({ title }: { title: { 'zh-CN': string; en: string } }) {
  const lang = useApp((s) => s.lang);
  return <span className="muted">{local(title, lang)}</span>;
}

/**
 * A template (by its title, in the library's persona and level order) and the new id. The id is
 * checked here, not by the browser's own validation (whose bubble speaks the browser's language,
 * "Please match the requested format."): the form is noValidate and says what is wrong beside the field.
 */
export function CreateForm({ templates, onCreate }: { templates: readonly ScenarioSummary[]; onCreate(template: string, id: string): void }) {
  const d = useStudioT();
  const uid = useId();
  const lang = useApp((s) => s.lang);
  const [template, setTemplate] = useState('');
  const [id, setId] = useState('');
  const [problem, setProblem] = useState<'create.noId' | 'create.badId' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const ordered = [...templates].sort(byPersonaAndLevel);
  const picked = template || ordered[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = id.trim();
    const wrong = wanted === '' ? 'create.noId' : ID_PATTERN.test(wanted) ? null : 'create.badId';
    setProblem(wrong);
    if (wrong) return input.current?.focus();
    if (picked) onCreate(picked, wanted);
  };
  return (
    <section className="trainer-card card">
      <h2>{d('create.title')}</h2>
      <form onSubmit={submit} className="studio-create" noValidate>
        <label htmlFor={`${uid}-t`}>{d('create.template')}</label>
        <select id={`${uid}-t`} value={picked} onChange={(e) => setTemplate(e.target.value)}>
          {ordered.map((t) => (
            <option key={t.id} value={t.id}>{local(t.title, lang)}</option>
          ))}
        </select>
        <ScenarioIdInput
          uid={uid}
          label={d('create.id')}
          value={id}
          onChange={(value) => {
            setId(value);
            setProblem(null);
          }}
          inputRef={input}
          problem={problem && d(problem)}
        />
        <button type="submit" className="btn btn-primary">{d('create.submit')}</button>
      </form>
    </section>
  );
}
