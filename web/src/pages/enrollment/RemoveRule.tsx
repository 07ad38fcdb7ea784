// "Remove rule" with a confirmation: removing a schedule rule ends it and cancels every upcoming lesson it made,
// so the dialog says how many before anything happens.
import { Suspense, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { Dialog } from '../../ui/Dialog';
import { ErrorBox } from '../../ui/feedback';

type Props = { url: string; summary: string; upcoming: number; onRemoved: () => void };

/** Waits for its catalogue in its own Suspense: the Groups page shows it too, under another namespace. */
export function RemoveRule(props: Props) {
  return (
    <Suspense fallback={null}>
      <RemoveRuleButton {...props} />
    </Suspense>
  );
}

function RemoveRuleButton({ url, summary, upcoming, onRemoved }: Props) {
  const { t } = useTranslation('enrollments');
  const [asking, setAsking] = useState(false);
  const remove = useAction();
  const confirm = async () => {
    if (await remove.run(() => api.delete(url))) {
      setAsking(false);
      onRemoved();
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small btn-danger" onClick={() => setAsking(true)}>
        {t('remove.button')}
      </button>
      {asking && (
        <Dialog title={t('remove.title')} open onClose={() => (remove.clear(), setAsking(false))}>
          <p>
            {upcoming === 0 ? (
              <Trans t={t} i18nKey="remove.none" values={{ summary }} components={{ strong: <strong /> }} />
            ) : (
              <Trans
                t={t}
                i18nKey="remove.text"
                values={{ summary }}
                count={upcoming}
                components={{ strong: <strong /> }}
              />
            )}
          </p>
          <ErrorBox error={remove.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => (remove.clear(), setAsking(false))}>
              {t('remove.keep')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={remove.pending}
              onClick={() => void confirm()}
            >
              {t('remove.confirm', { count: upcoming })}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
