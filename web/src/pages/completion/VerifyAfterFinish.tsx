// A lesson closed with "Finish" is not deducted: later (once the teacher has checked attendance and feedback) it
// can be verified and deducted. The billing effect of the recorded attendance is shown first; only the
// confirmation in that dialog charges.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import { BillingPreviewDialog } from './BillingPreviewDialog';
import { actionLabel, type Preview } from './types';

export function VerifyAfterFinish({
  liveSessionId,
  name,
  onDone,
}: {
  liveSessionId: string;
  name: (studentId: string) => string;
  onDone: () => void;
}) {
  const { t } = useTranslation('completion');
  const base = `/api/live-sessions/${liveSessionId}/completion`;
  const [preview, setPreview] = useState<Preview>();
  const action = useAction();
  // The recorded attendance decides the charges, so no marks are sent.
  const ask = () =>
    action.run(async () =>
      setPreview(await api.post<Preview>(`${base}/preview`, { action: 'verify_and_deduct', attendance: [] })),
    );
  const confirm = async () => {
    if (!preview) return;
    const ok = await action.run(async () => {
      try {
        return await api.post(base, { action: 'verify_and_deduct', fingerprint: preview.fingerprint });
      } catch (e) {
        // Balances moved since the preview: show the fresh one and let the teacher confirm again.
        if (e instanceof ApiError && e.type.endsWith('preview_changed'))
          setPreview(
            await api.post<Preview>(`${base}/preview`, { action: 'verify_and_deduct', attendance: [] }),
          );
        throw e;
      }
    });
    if (ok) {
      setPreview(undefined);
      onDone();
    }
  };
  return (
    <div className="card" data-testid="verify-after-finish">
      <h2>{t('completion.verify.title')}</h2>
      <p>{t('completion.verify.text')}</p>
      <ErrorBox error={preview ? undefined : action.error} />
      <button type="button" className="btn btn-primary" disabled={action.pending} onClick={() => void ask()}>
        {actionLabel(t, 'verify_and_deduct')}
      </button>
      {preview && (
        <BillingPreviewDialog
          preview={preview}
          name={name}
          error={action.error}
          pending={action.pending}
          onBack={() => (action.clear(), setPreview(undefined))}
          onConfirm={() => void confirm()}
        />
      )}
    </div>
  );
}
