// /trainer/studio/...: the scenario list, the editor, and a scenario's versions. Its own lazy chunk
// inside the trainer area (CodeMirror, the parser and the persona compiler never reach a trainee's page).
import './zodJitless.ts';
import { paths } from '../../store/route.ts';
import { AppLink } from '../../ui/AppLink.tsx';
import { StudioEditor } from './StudioEditor.tsx';
import { editPath, StudioList } from './StudioList.tsx';
import { useStudioT } from './strings.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import './studio.css';

export function StudioArea({ sub }: { sub: string }) {
  const d = useStudioT();
  const edit = /^\/edit\/([a-z0-9-]{1,128})$/.exec(sub);
  const versions = /^\/versions\/([a-z0-9-]{1,128})$/.exec(sub);
  return (
    <main className="trainer studio">
      <h1>{d('title')}</h1>
      {edit ? <StudioEditor key={edit[1]} id={edit[1] as string} /> : versions ? <VersionsPage key={versions[1]} id={versions[1] as string} /> : <StudioList />}
    </main>
  );
}

function VersionsPage({ id }: { id: string }) {
  const d = useStudioT();
  return (
    <section className="trainer-card card">
      <div className="studio-toolbar">
        <AppLink to={paths.trainer('/studio')}>{d('editor.back')}</AppLink>
        <h2>{d('versions.heading', { id })}</h2>
        <AppLink to={editPath(id)}>{d('list.open')}</AppLink>
      </div>
      <VersionsPanel id={id} />
    </section>
  );
}
