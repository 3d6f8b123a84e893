// The "join a drill" entry (/drill): the 6-digit code, then the seat page /join/<code>, which is
// also the link and QR code the trainer shows the class.
import { useId, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { paths } from '../../store/route.ts';
import { DrillSeat } from './DrillSeat.tsx';
import { useDrillT } from './strings.ts';
import './drill.css';

export function DrillJoin({ code }: { code?: string }) {
  return code ? <DrillSeat code={code} /> : <CodeForm />;
}

function CodeForm() {
  const d = useDrillT();
  const id = useId();
  const navigate = useApp((s) => s.navigate);
  const [code, setCode] = useState('');
  const valid = /^\d{6}$/.test(code.trim());
  return (
    <main className="drill panel">
      <h1>{d('join.title')}</h1>
      <p className="muted">{d('join.lead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) navigate(paths.join(code.trim()));
        }}
      >
        <label htmlFor={`${id}-code`}>{d('join.code')}</label>
        <input
          id={`${id}-code`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          placeholder={d('join.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" className="btn btn-primary" disabled={!valid}>
          {d('join.go')}
        </button>
      </form>
    </main>
  );
}
