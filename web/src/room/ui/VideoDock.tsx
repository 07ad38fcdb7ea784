// The video dock: my own tile and a filmstrip of everyone else. Its height follows the number of people with a
// smooth transition; the handle at its bottom edge resizes it by hand (which pauses the auto-resize a while).
// Through the SFU the active speaker's tile comes first and large, each tile tells the media its size (the video
// layer that fills it), audio only shows initials, and the host has mute and stop/allow video on each tile.
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../rt/protocol';
import type { RemoteMedia } from '../media/mesh';
import type { SfuView } from '../media/sfu/sfuMedia';
import { useTileSize } from '../media/sfu/useTileSize';
import { mark, probe } from '../probe';
import { useDockSize } from './useDockSize';

type Props = {
  self: {
    name: string;
    preview: MediaStream;
    muted: boolean;
    cameraOn: boolean;
    sharing: boolean;
    handUp?: boolean;
  };
  peers: Peer[];
  media: RemoteMedia[];
  speakerId: string | null;
  sfu?: SfuView | null;
  isHost?: boolean;
  onTileSize?(tileId: string, height: number): void;
  onHostAction?(action: { personId: string } & ({ video: boolean } | { mute: true })): void;
};

export function VideoDock({ self, peers, media, speakerId, sfu, isHost, onTileSize, onHostAction }: Props) {
  const { t } = useTranslation('room');
  const active = sfu?.speaker && peers.some((p) => p.peerId === sfu.speaker) ? sfu.speaker : null;
  // The active speaker first (and large); the others in the order they came.
  const ordered = active
    ? [...peers.filter((p) => p.peerId === active), ...peers.filter((p) => p.peerId !== active)]
    : peers;
  // Through the SFU a shared screen comes as a feed of its own, shown as a tile beside its sender's camera.
  const screens = media.filter((m) => m.screenOf);
  const tiles = 1 + peers.length + screens.length;
  const { height, autoPaused, resizeByHand } = useDockSize(tiles);
  const dock = useRef<HTMLDivElement>(null);

  const startResize = (e: ReactPointerEvent<HTMLDivElement>) => {
    const top = dock.current?.getBoundingClientRect().top ?? 0;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    dock.current?.classList.add('resizing');
    const move = (ev: PointerEvent) => resizeByHand(ev.clientY - top);
    const up = () => {
      dock.current?.classList.remove('resizing');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  return (
    <section
      ref={dock}
      className="video-dock"
      style={{ height }}
      aria-label={t('dock.label')}
      data-testid="video-dock"
      data-tiles={tiles}
      data-auto-paused={autoPaused ? 'true' : 'false'}
    >
      <div
        className={`filmstrip ${tiles > 1 ? 'filmstrip-on' : ''} ${active ? 'filmstrip-speaker' : ''}`}
        data-speaker={active ?? undefined}
      >
        <Tile
          label={t(self.sharing ? 'dock.selfSharing' : 'dock.self', { name: self.name })}
          stream={self.preview}
          mirrored={!self.sharing}
          screen={self.sharing}
          muted={self.muted}
          handUp={self.handUp}
          local
          placeholder={!self.cameraOn && !self.sharing ? initials(self.name) : null}
        />
        {ordered.map((p) => {
          const m = media.find((x) => x.peerId === p.peerId);
          const stopped = !!sfu?.videoStopped.includes(p.personId);
          return (
            <Tile
              key={p.peerId}
              peerId={p.peerId}
              label={p.roomRole === 'host' ? t('dock.teacher', { name: p.name }) : p.name}
              stream={m?.stream ?? null}
              muted={!p.audio}
              handUp={!!p.handRaisedAt}
              state={m?.state ?? 'connecting'}
              speakerId={speakerId}
              placeholder={sfu && (sfu.audioOnly || !p.video || stopped) ? initials(p.name) : null}
              large={p.peerId === active}
              onSize={onTileSize}
            >
              {isHost && sfu && onHostAction && p.roomRole !== 'host' && (
                <div className="tile-host" role="group" aria-label={t('dock.hostControls', { name: p.name })}>
                  <button
                    type="button"
                    onClick={() => onHostAction({ personId: p.personId, mute: true })}
                    disabled={!p.audio}
                    data-testid={`host-mute-${p.personId}`}
                  >
                    {t('dock.mute')}
                  </button>
                  <button
                    type="button"
                    aria-pressed={stopped}
                    onClick={() => onHostAction({ personId: p.personId, video: stopped })}
                    data-testid={`host-video-${p.personId}`}
                  >
                    {stopped ? t('dock.allowVideo') : t('dock.stopVideo')}
                  </button>
                </div>
              )}
            </Tile>
          );
        })}
        {screens.map((m) => (
          <Tile
            key={m.peerId}
            peerId={m.peerId}
            label={t('dock.screen', {
              name: peers.find((p) => p.peerId === m.screenOf)?.name ?? t('someone'),
            })}
            stream={m.stream}
            muted={false}
            screen
            state={m.state}
            speakerId={speakerId}
            placeholder={null}
            onSize={onTileSize}
          />
        ))}
      </div>
      <div
        className="dock-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t('dock.resize')}
        tabIndex={0}
        onPointerDown={startResize}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') resizeByHand(height + 24);
          if (e.key === 'ArrowUp') resizeByHand(height - 24);
        }}
        data-testid="dock-handle"
      />
    </section>
  );
}

type TileProps = {
  label: string;
  stream: MediaStream | null;
  muted: boolean;
  placeholder: string | null;
  handUp?: boolean;
  local?: boolean;
  mirrored?: boolean;
  /** A shared screen is shown whole, not cropped like a face. */
  screen?: boolean;
  peerId?: string;
  state?: RemoteMedia['state'];
  speakerId?: string | null;
  /** The active speaker's tile. */
  large?: boolean;
  onSize?(tileId: string, height: number): void;
  children?: ReactNode;
};

function Tile({
  label,
  stream,
  muted,
  placeholder,
  handUp,
  local,
  mirrored,
  screen,
  peerId,
  state,
  speakerId,
  large,
  onSize,
  children,
}: TileProps) {
  const { t } = useTranslation('room');
  const video = useRef<HTMLVideoElement>(null);
  const figure = useTileSize(peerId, onSize);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    if (el.srcObject !== stream) el.srcObject = stream;
    if (local || !stream) return;
    const sink = el as HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> };
    if (speakerId && sink.setSinkId) sink.setSinkId(speakerId).catch(() => undefined);
    // The first remote frame on screen: what "joining" feels like, measured for the browser test.
    const seen = () => {
      const p = probe();
      p.firstRemoteFrameAt ??= performance.now();
      if (peerId && p.remoteFrameAt) p.remoteFrameAt[peerId] ??= performance.now();
      mark('frame.first');
      el.dataset.frames = 'yes';
    };
    if (typeof el.requestVideoFrameCallback === 'function') el.requestVideoFrameCallback(seen);
    else el.addEventListener('loadeddata', seen, { once: true });
  }, [stream, local, speakerId, peerId]);

  return (
    <figure
      ref={figure}
      className={`tile ${local ? 'tile-self' : ''} ${large ? 'tile-speaker' : ''}`}
      data-testid={local ? 'tile-self' : 'tile-remote'}
      data-peer={peerId}
    >
      <video
        ref={video}
        autoPlay
        playsInline
        muted={local}
        className={mirrored ? 'mirrored' : screen ? 'screen' : undefined}
        aria-label={t('dock.videoOf', { label })}
      />
      {placeholder && <div className="tile-placeholder">{placeholder}</div>}
      {!local && state !== 'connected' && (
        <div className="tile-state">{state === 'failed' ? t('dock.lost') : t('dock.connecting')}</div>
      )}
      <figcaption>
        {handUp && (
          <span
            className="icon-hand"
            role="img"
            aria-label={t('dock.handRaised')}
            title={t('dock.handRaisedTitle')}
          >
            ✋
          </span>
        )}
        {muted && (
          <span
            className="icon-muted"
            role="img"
            aria-label={t('dock.micMuted')}
            title={t('dock.micMutedTitle')}
          >
            <MicOffIcon />
          </span>
        )}
        {label}
      </figcaption>
      {children}
    </figure>
  );
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

const MicOffIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="14"
    height="14"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="m2 2 20 20" />
    <path d="M18.89 13.23A7 7 0 0 0 19 12v-2" />
    <path d="M5 10v2a7 7 0 0 0 12 5" />
    <path d="M15 9.34V5a3 3 0 0 0-5.68-1.33" />
    <path d="M9 9v3a3 3 0 0 0 5.12 2.12" />
    <path d="M12 19v3" />
  </svg>
);
