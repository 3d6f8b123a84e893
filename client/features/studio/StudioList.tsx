// The studio's scenario list: library scenarios as templates, studio scenarios (drafts and published
// versions, also those whose draft was deleted); create from a template or blank (blankScenario.ts), duplicate (the new id is
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
import { atVersionOne, fromTemplate } from './templateCopy.ts';
import { BLANK_START, blankScenario } from './blankScenario.ts';
import { useStudioT } from './strings.ts';
import { ScenarioIdInput } from './ScenarioIdInput.tsx';

export const editPath = (id: string) => paths.trainer(`/studio/edit/${id}`);
export const versionsPath = (id: string) => paths.trainer(`/studio/versions/${id}`);

export function StudioList() {
  const d = useStudioT();
  const navigate = useApp((s) => s.navigate);
  const lang = useApp((s) => s.lang);
  const importId = useId();
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
  const libraryIds = new Set(list?.library.map((s) => s.id));
  /** The text a copy of `from` starts with: a library template loses its developer comments; every copy starts at version 1. */
  const copySource = (from: string, id: string) => async () => {
    const { source } = await studioApi.peek(from);
    const template = list?.library.find((s) => s.id === from);
    return template && libraryIds.has(from) ? fromTemplate(source, id, d('create.header', { title: local(template.title, lang) })) : atVersionOne(source);
  };
  /** A blank scenario's text, in the first shop the studio knows (the buyer names no product, so any shop will do). */
  const blankSource = (id: string) => async () => {
    const { shops } = await studioApi.context();
    const shop = Object.keys(shops).sort()[0] ?? list?.library[0]?.shop;
    if (shop === undefined) throw new Error('no shop to put a blank scenario in');
    return blankScenario(id, shop, d('create.blankHeader'));
  };
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
  const draftTitles = new Map(list?.drafts.map((s) => [s.id, s.title]));
  /** a studio scenario as the list names it: its title, else its id */
  const nameOf = (id: string) => draftTitle(draftTitles.get(id), lang) ?? id;
  const studioIds = [...new Set([...drafts, ...published.keys()])].sort();
  const taken = new Set([...studioIds, ...(list?.library.map((s) => s.id) ?? [])]);
  return (
    <>
      {(error ?? listFailed) && <p className="studio-error" role="alert">{error ?? failedText(d, listFailed?.err, 'list')}</p>}
      <CreateForm templates={list?.library ?? []} onCreate={(from, id) => void create(id, from === BLANK_START ? blankSource(id) : copySource(from, id))} />
      <section className="trainer-card card">
        <h2>{d('list.drafts')}</h2>
        <label className="btn btn-small" htmlFor={`${importId}-file`}>{d('import.label')}</label>
        <input id={`${importId}-file`} type="file" aria-label={d('import.label')} accept=".yaml,.yml,application/yaml,text/yaml" className="visually-hidden" onChange={(e) => void onImport(e)} />
        {list && studioIds.length === 0 && <p className="muted">{d('list.emptyDrafts')}</p>}
        <ul className="studio-list">
          {studioIds.map((id) => (
            <li key={id} data-scenario={id}>
              <AppLink to={editPath(id)}>{nameOf(id)}</AppLink>
              {draftTitles.get(id) && <span className="muted studio-list-id">{id}</span>}
              <span className="muted">
                {published.has(id) ? d('list.published', { version: published.get(id) ?? 0 }) : d('list.unpublished')}
                {drafts.has(id) ? '' : ` · ${d('list.noDraft')}`}
              </span>
              {/* Every row has the same buttons: their names say which scenario they act on. */}
              <AppLink to={versionsPath(id)} className="btn btn-small btn-ghost" aria-label={d('list.versionsOf', { name: nameOf(id) })}>{d('list.versions')}</AppLink>
              <button type="button" className="btn btn-small btn-ghost" aria-label={d('list.duplicateOf', { name: nameOf(id) })} onClick={() => setDuplicating(id)}>{d('list.duplicate')}</button>
              <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(id)} download={`${id}.yaml`} aria-label={d('list.exportOf', { name: nameOf(id) })}>{d('list.export')}</a>
              {drafts.has(id) && <button type="button" className="btn btn-small btn-ghost" aria-label={d('delete.draftOf', { name: nameOf(id) })} onClick={() => void deleteDraft(id)}>{d('delete.draft')}</button>}
            </li>
          ))}
        </ul>
      </section>
      <section className="trainer-card card">
        <h2>{d('list.library')}</h2>
        <ul className="studio-list">
          {list?.library.map((s) => (
            <li key={s.id} data-template={s.id}>
              <span>{s.id}</span>
              <LibraryTitle title={s.title} />
              <button type="button" className="btn btn-small btn-ghost" aria-label={d('list.duplicateOf', { name: local(s.title, lang) })} onClick={() => setDuplicating(s.id)}>{d('list.duplicate')}</button>
              <a className="btn btn-small btn-ghost" href={studioApi.exportUrl(s.id)} download={`${s.id}.yaml`} aria-label={d('list.exportOf', { name: local(s.title, lang) })}>{d('list.export')}</a>
            </li>
          ))}
        </ul>
      </section>
      <DuplicateDialog from={duplicating} taken={taken} onDuplicate={(from, id) => save(id, copySource(from, id))} onClose={() => setDuplicating(null)} />
    </>
  );
}

/** A draft's title in the UI language, the other language when that one is missing. */
export function draftTitle(title: { 'zh-CN'?: string; en?: string } | undefined, lang: string): string | undefined {
  if (!title) return undefined;
  return lang === 'en' ? (title.en ?? title['zh-CN']) : (title['zh-CN'] ?? title.en);
}

function LibraryTitle({ title }: { title: { 'zh-CN': string; en: string } }) {
  const lang = useApp((s) => s.lang);
  return <span className="muted">{local(title, lang)}</span>;
}

/**
 * Where to start (blank, BLANK_START, or a template by its title, in the library's persona and
 * level order) and the new id. The id is
 * checked here, not by the browser's own validation (whose bubble speaks the browser's language,
 * "Please match the requested format."): the form is noValidate and says what is wrong beside the field.
 */
export function CreateForm({ templates, onCreate }: { templates: readonly ScenarioSummary[]; onCreate(from: string, id: string): void }) {
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
          <option value={BLANK_START}>{d('create.blank')}</option>
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
