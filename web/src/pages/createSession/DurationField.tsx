// The Create Session dialog's Duration choice: the default, the usual lengths, or any other number of minutes.
const DURATIONS = [30, 45, 60, 90];

export function DurationField({
  duration,
  setDuration,
  other,
  setOther,
  defaultHint,
}: {
  duration: string;
  setDuration: (d: string) => void;
  other: string;
  setOther: (m: string) => void;
  /** Shown after "Default", e.g. " (60 min)". */
  defaultHint: string;
}) {
  return (
    <fieldset className="field">
      <legend>Duration</legend>
      <div className="chips">
        <label className="chip">
          <input
            type="radio"
            name="duration"
            value=""
            checked={duration === ''}
            onChange={() => setDuration('')}
          />
          Default
          {defaultHint}
        </label>
        {DURATIONS.map((d) => (
          <label className="chip" key={d}>
            <input
              type="radio"
              name="duration"
              value={d}
              checked={duration === String(d)}
              onChange={() => setDuration(String(d))}
            />
            {d} min
          </label>
        ))}
        <label className="chip">
          <input
            type="radio"
            name="duration"
            value="other"
            checked={duration === 'other'}
            onChange={() => setDuration('other')}
          />
          Other
        </label>
        {duration === 'other' && (
          <input
            className="input-small"
            type="number"
            min={5}
            max={480}
            aria-label="Minutes"
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
        )}
      </div>
    </fieldset>
  );
}
