// Labelled inputs for the lesson editor, each with the server's errors for its path under it.
import { useId, useState, type ReactNode } from 'react';
import type { FieldError } from '../../lib/api';
import { errorsAt } from '../draft';
import { useProblemText } from '../../ui/problemText';

export function FieldErrors({ fields, path, deep }: { fields: FieldError[]; path: string; deep?: boolean }) {
  const problems = useProblemText();
  const messages = errorsAt(fields, path, deep, problems.message);
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" role="alert">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

type Common = { label: string; fields: FieldError[]; path: string; hint?: ReactNode };

export function TextInput({
  label,
  value,
  onChange,
  fields,
  path,
  hint,
  multiline,
  required,
}: Common & { value: string; onChange(v: string): void; multiline?: boolean; required?: boolean }) {
  const id = useId();
  const invalid = errorsAt(fields, path).length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint && <small className="muted">{hint}</small>}
      <FieldErrors fields={fields} path={path} />
    </div>
  );
}

export function NumberInput({
  label,
  value,
  onChange,
  fields,
  path,
  min,
  max,
}: Common & {
  value: number | undefined;
  onChange(v: number | undefined): void;
  min?: number;
  max?: number;
}) {
  const id = useId();
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <FieldErrors fields={fields} path={path} />
    </div>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/** A small "remove" button labelled with what it removes. */
export function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick(): void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
    >
      ✕
    </button>
  );
}

/** Text typed freely and read as a list (words, accepted answers): the typing is kept as typed. */
export function ListInput({
  value,
  onChange,
  parse,
  format,
  ...rest
}: Common & {
  value: string[];
  onChange(v: string[]): void;
  parse(text: string): string[];
  format(list: string[]): string;
  multiline?: boolean;
}) {
  const [text, setText] = useState(() => format(value));
  const shown = format(parse(text)) === format(value) ? text : format(value);
  return (
    <TextInput
      {...rest}
      value={shown}
      onChange={(t) => {
        setText(t);
        onChange(parse(t));
      }}
    />
  );
}
