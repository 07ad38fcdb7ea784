// Sending the follow-up message after a lesson (its teacher or an admin, once it has ended): the key points, the
// resources shared (one a line) and how to prepare. Lectern adds each student's homework and next session.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idempotencyKey } from '../../lib/api';
import { useAction } from '../../lib/useApi';
import { ErrorBox } from '../../ui/feedback';
import type { FollowUpView } from '../../../../contract/followUp';

export function SendFollowUp({ liveSessionId, onSent }: { liveSessionId: string; onSent: () => void }) {
  const { t } = useTranslation('completion');
  const [keyPoints, setKeyPoints] = useState('');
  const [resources, setResources] = useState('');
  const [preparation, setPreparation] = useState('');
  const send = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      keyPoints,
      resources: resources
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
      preparation: preparation.trim() || null,
    };
    const sent = await send.run(() =>
      api.post<FollowUpView>(`/api/live-sessions/${liveSessionId}/follow-up`, body, idempotencyKey()),
    );
    if (sent) onSent();
  };
  return (
    <form className="card" aria-labelledby="send-follow-up-title" onSubmit={submit}>
      <h2 id="send-follow-up-title">{t('followUp.send.title')}</h2>
      <p className="muted">{t('followUp.send.intro')}</p>
      <label className="field">
        <span>{t('followUp.send.keyPoints')}</span>
        <textarea
          required
          maxLength={4000}
          rows={3}
          value={keyPoints}
          onChange={(e) => setKeyPoints(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('followUp.send.resources')}</span>
        <textarea rows={2} value={resources} onChange={(e) => setResources(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('followUp.send.preparation')}</span>
        <textarea
          maxLength={2000}
          rows={2}
          value={preparation}
          onChange={(e) => setPreparation(e.target.value)}
        />
      </label>
      <ErrorBox error={send.error} />
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t('followUp.send.submit')}
      </button>
    </form>
  );
}
