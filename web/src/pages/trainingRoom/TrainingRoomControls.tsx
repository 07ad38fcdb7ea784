// The call controls of a training event's room: microphone, camera and leave.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaProblem, mediaMessage } from '../../room/media/devices';
import type { LocalState } from '../../room/media/localMedia';
import type { RoomSession } from '../../room/rt/roomSession';

type Props = { session: RoomSession; local: LocalState; onLeave(): void };

export function TrainingRoomControls({ session, local, onLeave }: Props) {
  const { t } = useTranslation('room');
  const [busy, setBusy] = useState(false);
  const media = session.local;
  const toggleCamera = async () => {
    setBusy(true);
    try {
      await media.setCamera(!local.cameraOn);
    } catch (e) {
      session.notify('warn', e instanceof MediaProblem ? e.message : mediaMessage('unknown'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <footer className="room-controls" aria-label={t('controls.label')}>
      <button
        type="button"
        className={`ctl ${local.muted ? 'ctl-off' : ''}`}
        aria-pressed={!local.muted}
        disabled={!media.hasMicrophone}
        title={media.hasMicrophone ? undefined : t('controls.noMic')}
        onClick={() => media.setMuted(!local.muted)}
        data-testid="toggle-mic"
      >
        {local.muted ? t('controls.unmute') : t('controls.mute')}
      </button>
      <button
        type="button"
        className={`ctl ${local.cameraOn ? '' : 'ctl-off'}`}
        aria-pressed={local.cameraOn}
        disabled={busy}
        onClick={() => void toggleCamera()}
        data-testid="toggle-camera"
      >
        {local.cameraOn ? t('controls.stopCamera') : t('controls.startCamera')}
      </button>
      <button type="button" className="ctl ctl-leave" onClick={onLeave} data-testid="leave">
        {t('controls.leave')}
      </button>
    </footer>
  );
}
