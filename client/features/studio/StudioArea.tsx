// /trainer/studio/...: the scenario list and the editor. Its own lazy chunk inside the trainer area
// (CodeMirror, the parser and the persona compiler never reach a trainee's page).
import { TrainerNav } from '../trainer/TrainerNav.tsx';
import { StudioEditor } from './StudioEditor.tsx';
import { StudioList } from './StudioList.tsx';
import { useStudioT } from './strings.ts';
import './studio.css';

export function StudioArea({ sub }: { sub: string }) {
  const d = useStudioT();
  const edit = /^\/edit\/([a-z0-9-]{1,128})$/.exec(sub);
  return (
    <main className="trainer studio">
      <TrainerNav />
      <h1>{d('title')}</h1>
      {edit ? <StudioEditor key={edit[1]} id={edit[1] as string} /> : <StudioList />}
    </main>
  );
}
