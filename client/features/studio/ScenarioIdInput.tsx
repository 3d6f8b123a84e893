// The new scenario id's field, as creating and duplicating ask for it: labelled, and tied to the
// problem under it (aria-invalid / aria-describedby) once there is one.
import type { RefObject } from 'react';

interface Props {
  /** the form's useId(): the field is `${uid}-id`, its problem `${uid}-problem` */
  uid: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** what is wrong with the id, if anything; shown under the field and announced */
  problem: string | null;
}

export function ScenarioIdInput({ uid, label, value, onChange, inputRef, problem }: Props) {
  return (
    <>
      <label htmlFor={`${uid}-id`}>{label}</label>
      <input
        id={`${uid}-id`}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-required="true"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${uid}-problem` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {problem && (
        <p id={`${uid}-problem`} className="studio-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
