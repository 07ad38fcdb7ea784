// The Create Session dialog's Duration choice: the default, the usual lengths, or any other number of minutes.
import { useTranslation } from 'react-i18next';

const DURATIONS = [30, 45, 60, 90];

export function DurationField({
  duration,
  setDuration,
  other,
  setOther,
  defaultMinutes,
}: {
  duration: string;
  setDuration: (d: string) => void;
  other: string;
  setOther: (m: string) => void;
  /** Shown with "Default", e.g. "Default (60 min)". */
  defaultMinutes?: number;
}) {
  const { t } = useTranslation('createSession');
  return (
    <fieldset className="field">
      <legend>{t('duration.label')}</legend>
      <div className="chips">
        <label className="chip">
          <input
            type="radio"
            name="duration"
            value=""
            checked={duration === ''}
            onChange={() => setDuration('')}
          />
          {defaultMinutes === undefined
            ? t('duration.default')
            : t('duration.defaultMinutes', { minutes: defaultMinutes })}
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
            {t('duration.minutes', { minutes: d })}
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
          {t('duration.other')}
        </label>
        {duration === 'other' && (
          <input
            className="input-small"
            type="number"
            min={5}
            max={480}
            aria-label={t('duration.otherMinutes')}
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
        )}
      </div>
    </fieldset>
  );
}
