// The call controls: microphone, camera, screen share (a window or the whole screen) and back, raise hand,
// reactions, the keyboard shortcuts, and leave. Through the SFU also audio only (by choice; a weak link turns it
// on by itself and says so) and, for the host, mute everyone. Tooltips name each control's shortcut.
import { useState } from 'react';
import { MediaProblem, MEDIA_MESSAGES } from '../media/devices';
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
    session.notify('warn', e instanceof MediaProblem ? e.message : MEDIA_MESSAGES.unknown);
  }
}

export function Controls({ session, local, sfu, handUp, onLeave, onHelp }: Props) {
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
    <footer className="room-controls" aria-label="Call controls">
      <button
        type="button"
        className={`ctl ${local.muted ? 'ctl-off' : ''}`}
        aria-pressed={!local.muted}
        disabled={!media.hasMicrophone}
        title={
          media.hasMicrophone
            ? `${local.muted ? 'Turn on' : 'Turn off'} the microphone ${keysOf('mic')}`
            : 'No microphone'
        }
        onClick={() => media.setMuted(!local.muted)}
        data-testid="toggle-mic"
      >
        {local.muted ? 'Unmute' : 'Mute'}
      </button>
      <button
        type="button"
        className={`ctl ${local.cameraOn ? '' : 'ctl-off'}`}
        aria-pressed={local.cameraOn}
        disabled={busy}
        title={`${local.cameraOn ? 'Turn off' : 'Turn on'} the camera ${keysOf('camera')}`}
        onClick={() => void attempt(() => media.setCamera(!local.cameraOn), MEDIA_MESSAGES.unknown)}
        data-testid="toggle-camera"
      >
        {local.cameraOn ? 'Stop camera' : 'Start camera'}
      </button>
      <button
        type="button"
        className={`ctl ${local.sharing ? 'ctl-on' : ''}`}
        aria-pressed={local.sharing}
        disabled={busy}
        onClick={() =>
          local.sharing
            ? media.stopSharing()
            : void attempt(
                () => media.shareScreen(),
                'Screen sharing did not start. Try sharing a single window instead of the entire screen, and check the browser permission.',
              )
        }
        data-testid="toggle-share"
      >
        {local.sharing ? 'Stop sharing' : 'Share screen'}
      </button>
      {sfu && (
        <button
          type="button"
          className={`ctl ${sfu.audioOnly ? 'ctl-on' : ''}`}
          aria-pressed={!!sfu.audioOnly}
          title={sfu.audioOnly === 'weak' ? 'Your connection is weak: video is off for now' : undefined}
          onClick={() => session.setAudioOnly(!sfu.audioOnly)}
          data-testid="toggle-audio-only"
          data-reason={sfu.audioOnly ?? undefined}
        >
          {sfu.audioOnly ? 'Video on' : 'Audio only'}
        </button>
      )}
      {sfu && session.isHost && (
        <button
          type="button"
          className="ctl"
          onClick={() => {
            session.send({ type: 'sfu.mute' });
            session.notify('ok', 'Everyone was asked to mute; they can unmute to speak.');
          }}
          data-testid="mute-all"
        >
          Mute all
        </button>
      )}
      {handUp !== undefined && (
        <button
          type="button"
          className={`ctl ${handUp ? 'ctl-on' : ''}`}
          aria-pressed={handUp}
          title={`${handUp ? 'Lower' : 'Raise'} your hand ${keysOf('hand')}`}
          onClick={() => session.toggleHand()}
          data-testid="toggle-hand"
        >
          <span aria-hidden="true">✋</span> {handUp ? 'Lower hand' : 'Raise hand'}
        </button>
      )}
      {onHelp && <ReactionPicker onReact={(emoji) => session.react(emoji)} />}
      {onHelp && (
        <button
          type="button"
          className="ctl ctl-help"
          aria-label="Keyboard shortcuts"
          title={`Keyboard shortcuts ${keysOf('help')}`}
          onClick={onHelp}
          data-testid="shortcuts"
        >
          ?
        </button>
      )}
      <button type="button" className="ctl ctl-leave" onClick={onLeave} data-testid="leave">
        Leave
      </button>
    </footer>
  );
}
