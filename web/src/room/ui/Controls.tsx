// The call controls: microphone, camera, screen share (a window or the whole screen) and back, raise hand,
// reactions, the keyboard shortcuts, and leave. Through the SFU also audio only (by choice; a weak link turns it
// on by itself and says so) and, for the host, mute everyone. Tooltips name each control's shortcut.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaProblem, mediaMessage } from '../media/devices';
import type { LocalState } from '../media/localMedia';
import type { SfuView } from '../media/sfu/sfuMedia';
import type { RoomSession } from '../rt/roomSession';
import { ReactionPicker } from './Reactions';
import { keysOf } from './shortcuts';

type Props = {
  session: RoomSession;
  local: LocalState;
  sfu: SfuView | null;
  /** Whether my hand is up; without it (a room that shows no hands) there is no hand button. */
  handUp?: boolean;
  onLeave(): void;
  /** Opens the shortcut help; without it, no reactions or help either. */
  onHelp?(): void;
};

/** Turns the camera on or off, saying why when it cannot (shared by the button and the shortcut). */
export async function toggleCamera(session: RoomSession, local: LocalState) {
  try {
    await session.local.setCamera(!local.cameraOn);
  } catch (e) {
    session.notify('warn', e instanceof MediaProblem ? e.message : mediaMessage('unknown'));
  }
}

export function Controls({ session, local, sfu, handUp, onLeave, onHelp }: Props) {
  const { t } = useTranslation('room');
  const [busy, setBusy] = useState(false);
  const media = session.local;

  const attempt = async (what: () => Promise<void>, fallback: string) => {
    setBusy(true);
    try {
      await what();
    } catch (e) {
      session.notify('warn', e instanceof MediaProblem ? e.message : fallback);
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
        title={
          media.hasMicrophone
            ? t(local.muted ? 'controls.micOnTitle' : 'controls.micOffTitle', { keys: keysOf(t, 'mic') })
            : t('controls.noMic')
        }
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
        title={t(local.cameraOn ? 'controls.cameraOffTitle' : 'controls.cameraOnTitle', {
          keys: keysOf(t, 'camera'),
        })}
        onClick={() => void attempt(() => media.setCamera(!local.cameraOn), mediaMessage('unknown'))}
        data-testid="toggle-camera"
      >
        {local.cameraOn ? t('controls.stopCamera') : t('controls.startCamera')}
      </button>
      <button
        type="button"
        className={`ctl ${local.sharing ? 'ctl-on' : ''}`}
        aria-pressed={local.sharing}
        disabled={busy}
        onClick={() =>
          local.sharing
            ? media.stopSharing()
            : void attempt(() => media.shareScreen(), t('controls.shareFailed'))
        }
        data-testid="toggle-share"
      >
        {local.sharing ? t('controls.stopSharing') : t('controls.shareScreen')}
      </button>
      {sfu && (
        <button
          type="button"
          className={`ctl ${sfu.audioOnly ? 'ctl-on' : ''}`}
          aria-pressed={!!sfu.audioOnly}
          title={sfu.audioOnly === 'weak' ? t('controls.weak') : undefined}
          onClick={() => session.setAudioOnly(!sfu.audioOnly)}
          data-testid="toggle-audio-only"
          data-reason={sfu.audioOnly ?? undefined}
        >
          {sfu.audioOnly ? t('controls.videoOn') : t('controls.audioOnly')}
        </button>
      )}
      {sfu && session.isHost && (
        <button
          type="button"
          className="ctl"
          onClick={() => {
            session.send({ type: 'sfu.mute' });
            session.notify('ok', t('controls.mutedAll'));
          }}
          data-testid="mute-all"
        >
          {t('controls.muteAll')}
        </button>
      )}
      {handUp !== undefined && (
        <button
          type="button"
          className={`ctl ${handUp ? 'ctl-on' : ''}`}
          aria-pressed={handUp}
          title={t(handUp ? 'controls.lowerTitle' : 'controls.raiseTitle', { keys: keysOf(t, 'hand') })}
          onClick={() => session.toggleHand()}
          data-testid="toggle-hand"
        >
          <span aria-hidden="true">✋</span> {handUp ? t('controls.lower') : t('controls.raise')}
        </button>
      )}
      {onHelp && <ReactionPicker onReact={(emoji) => session.react(emoji)} />}
      {onHelp && (
        <button
          type="button"
          className="ctl ctl-help"
          aria-label={t('controls.shortcuts')}
          title={t('controls.shortcutsTitle', { keys: keysOf(t, 'help') })}
          onClick={onHelp}
          data-testid="shortcuts"
        >
          ?
        </button>
      )}
      <button type="button" className="ctl ctl-leave" onClick={onLeave} data-testid="leave">
        {t('controls.leave')}
      </button>
    </footer>
  );
}
