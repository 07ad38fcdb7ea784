// The call controls: microphone, camera, screen share (a window or the whole screen) and back, and leave.
import { useState } from 'react';
import { MediaProblem, MEDIA_MESSAGES } from '../media/devices';
import type { LocalState } from '../media/localMedia';
import type { RoomSession } from '../rt/roomSession';

type Props = { session: RoomSession; local: LocalState; onLeave(): void };

export function Controls({ session, local, onLeave }: Props) {
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
        title={media.hasMicrophone ? undefined : 'No microphone'}
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
      <button type="button" className="ctl ctl-leave" onClick={onLeave} data-testid="leave">
        Leave
      </button>
    </footer>
  );
}
