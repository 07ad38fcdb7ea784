// The call controls: microphone, camera, screen share (a window or the whole screen) and back, and leave.
// Through the SFU also audio only (by choice; a weak link turns it on by itself and says so) and, for the
// host, mute everyone.
import { useState } from 'react';
import { MediaProblem, MEDIA_MESSAGES } from '../media/devices';
import type { LocalState } from '../media/localMedia';
import type { SfuView } from '../media/sfu/sfuMedia';
import type { RoomSession } from '../rt/roomSession';

type Props = { session: RoomSession; local: LocalState; sfu: SfuView | null; onLeave(): void };

export function Controls({ session, local, sfu, onLeave }: Props) {
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
      <button type="button" className="ctl ctl-leave" onClick={onLeave} data-testid="leave">
        Leave
      </button>
    </footer>
  );
}
