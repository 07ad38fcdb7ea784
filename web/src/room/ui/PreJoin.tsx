// Before entering: pick the camera and microphone, see yourself, choose to join muted, then join. Every device or
// permission problem gets a plain message and a way on (join without camera, try again).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listDevices,
  MediaProblem,
  mediaMessage,
  openMedia,
  stopStream,
  type DeviceChoice,
  type DeviceLists,
} from '../media/devices';

export type JoinSettings = {
  stream: MediaStream;
  muted: boolean;
  cameraOff: boolean;
  speakerId: string | null;
};

type Props = {
  title: string;
  subtitle: string;
  joining: boolean;
  roomError: string | null;
  onJoin(settings: JoinSettings): void;
};

export function PreJoin({ title, subtitle, joining, roomError, onJoin }: Props) {
  const { t } = useTranslation('room');
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [], speakers: [] });
  const [choice, setChoice] = useState<DeviceChoice>({ cameraId: null, microphoneId: null, speakerId: null });
  const [useCamera, setUseCamera] = useState(true);
  const [muted, setMuted] = useState(true);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Joining before the devices answer would join without them: wait for the camera (or its problem).
  const [settled, setSettled] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  useEffect(() => {
    let alive = true;
    let opened: MediaStream | null = null;
    setProblem(null);
    setSettled(false);
    openMedia(choice, { camera: useCamera, microphone: true })
      .then(async (s) => {
        if (!alive) return stopStream(s);
        opened = s;
        setStream(s);
        setSettled(true);
        setDevices(await listDevices());
      })
      .catch((e: unknown) => {
        if (!alive) return;
        setStream(null);
        setSettled(true);
        setProblem(e instanceof MediaProblem ? e.message : mediaMessage('unknown'));
      });
    return () => {
      alive = false;
      if (!handedOver.current) stopStream(opened);
    };
  }, [choice.cameraId, choice.microphoneId, useCamera, attempt]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  const join = () => {
    const s = stream ?? new MediaStream();
    handedOver.current = true;
    onJoin({ stream: s, muted, cameraOff: !useCamera, speakerId: choice.speakerId });
  };

  const select = (
    kind: 'camera' | 'microphone' | 'speaker',
    list: MediaDeviceInfo[],
    value: string | null,
    set: (id: string) => void,
    testId: string,
  ) => (
    <label className="field">
      <span>{t(`prejoin.${kind}`)}</span>
      <select
        value={value ?? list[0]?.deviceId ?? ''}
        onChange={(e) => set(e.target.value)}
        disabled={list.length === 0}
        data-testid={testId}
      >
        {list.length === 0 && <option value="">{t('prejoin.noneFound')}</option>}
        {list.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || t(`prejoin.${kind}N`, { n: i + 1 })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <main className="prejoin" aria-labelledby="prejoin-title">
      <section className="prejoin-card">
        <h1 id="prejoin-title">{title}</h1>
        <p className="muted">{subtitle}</p>
        <div className="prejoin-body">
          <div className="prejoin-preview">
            {stream && useCamera ? (
              <video ref={video} autoPlay playsInline muted aria-label={t('prejoin.preview')} />
            ) : (
              <div className="prejoin-nocam">
                {useCamera ? t('prejoin.startingCamera') : t('prejoin.cameraOff')}
              </div>
            )}
          </div>
          <div className="prejoin-settings">
            {select(
              'camera',
              devices.cameras,
              choice.cameraId,
              (id) => setChoice({ ...choice, cameraId: id }),
              'camera-select',
            )}
            {select(
              'microphone',
              devices.microphones,
              choice.microphoneId,
              (id) => setChoice({ ...choice, microphoneId: id }),
              'microphone-select',
            )}
            {devices.speakers.length > 0 &&
              select(
                'speaker',
                devices.speakers,
                choice.speakerId,
                (id) => setChoice({ ...choice, speakerId: id }),
                'speaker-select',
              )}
            <label className="check">
              <input type="checkbox" checked={useCamera} onChange={(e) => setUseCamera(e.target.checked)} />
              {t('prejoin.useCamera')}
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={muted}
                onChange={(e) => setMuted(e.target.checked)}
                data-testid="join-muted"
              />
              {t('prejoin.joinMuted')}
            </label>
          </div>
        </div>
        {problem && (
          <div className="room-alert" role="alert" data-testid="device-problem">
            <p>{problem}</p>
            <button type="button" className="btn btn-small" onClick={() => setAttempt((a) => a + 1)}>
              {t('prejoin.tryAgain')}
            </button>
          </div>
        )}
        {roomError && (
          <div className="room-alert" role="alert" data-testid="room-problem">
            <p>{roomError}</p>
          </div>
        )}
        <div className="prejoin-actions">
          <a className="btn" href="/platform/schedule">
            {t('page.backToSchedule')}
          </a>
          <button
            type="button"
            className="btn btn-primary"
            onClick={join}
            disabled={joining || !settled}
            data-testid="join"
          >
            {joining
              ? t('prejoin.joining')
              : !settled
                ? t('prejoin.startingCamera')
                : problem
                  ? t('prejoin.joinWithout')
                  : t('prejoin.join')}
          </button>
        </div>
      </section>
    </main>
  );
}
