// Group video through Janus' VideoRoom, controlled by us: a session's Janus room is made on the first `sfu.join`,
// the browser's offers, answers and candidates go through the gateway (the browser never talks to Janus), only
// joined members get a handle, the host decides who may send video, and the room is destroyed when the session
// ends. Each server node keeps the Janus handles of its own peers; the feeds of every node's peers are listed by
// Janus itself (all nodes share one Janus), and the host's video decisions travel on the bus.
import { createHash, randomInt } from 'node:crypto';
import type { Bus } from '../../bus/port.js';
import type { Config } from '../../kernel/config.js';
import { isRoomOpen, type RoomInfo } from '../../auth/roomAccess.js';
import { decodeJson, encodeJson } from '../../commands/rooms.js';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';
import type { ClientMessage, Feed, ServerMessage, SfuKind } from '../messages.js';
import {
  JanusClient,
  JanusError,
  type JanusHandle,
  type JanusSession,
  type PluginEvent,
} from './janusClient.js';

export type MediaMode = 'mesh' | 'sfu';

/** One-to-one stays a mesh; a group session uses the SFU when there is one and it has more than SFU_THRESHOLD people. */
export function mediaMode(config: Config, info: RoomInfo): MediaMode {
  if (!config.JANUS_URL || info.sessionKind === 'individual') return 'mesh';
  const people = new Set([...info.hostIds, ...info.participantIds]).size;
  return people > config.SFU_THRESHOLD ? 'sfu' : 'mesh';
}

/** The Janus room of a Lectern room: a stable number (48 bits of a hash, safe in JSON on both sides). */
export const janusRoomOf = (roomId: string) =>
  Number.parseInt(createHash('sha256').update(`lectern:${roomId}`).digest('hex').slice(0, 12), 16) + 1;

export type SfuMessage = Extract<ClientMessage, { type: `sfu.${string}` }>;
export const isSfuMessage = (m: ClientMessage): m is SfuMessage => m.type.startsWith('sfu.');

/** Who sends: the peer on this node, where its messages go, and whether it hosts the room. */
export type SfuPeerRef = {
  roomId: string;
  peerId: string;
  personId: string;
  host: boolean;
  send(message: ServerMessage): void;
};

type PeerState = {
  ref: SfuPeerRef;
  session: JanusSession;
  publisher: JanusHandle;
  cameraPublished: boolean;
  screen: JanusHandle | null;
  subscriptions: Map<number, JanusHandle>;
  closed: boolean;
};

type VideoDecision = { roomId: string; personId: string; allowed: boolean };
const SFU_SUBJECT = (roomId: string) => `room.${roomId}.sfu`;

const parseFeeds = (list: unknown): Feed[] =>
  (Array.isArray(list) ? list : []).flatMap((p: { id?: unknown; display?: unknown }) => {
    const match = typeof p.display === 'string' ? /^([\w-]{1,64}):(camera|screen)$/.exec(p.display) : null;
    return typeof p.id === 'number' && match
      ? [{ feed: p.id, peerId: match[1]!, kind: match[2] as SfuKind }]
      : [];
  });

/** A publish that carries video (an `m=video` section with a port that is not 0). */
const sendsVideo = (sdp: string) => /^m=video [1-9]/m.test(sdp);

export function createSfu(deps: {
  config: Config;
  bus: Bus;
  log: (message: string, error?: unknown) => void;
}) {
  const { config, bus, log } = deps;
  const janus = new JanusClient(config.JANUS_URL!, log);
  const peers = new Map<string, PeerState>();
  /** Per room, the people the host stopped from sending video. */
  const blocked = new Map<string, Set<string>>();
  let control: Promise<JanusHandle> | null = null;
  const key = (roomId: string, peerId: string) => `${roomId}/${peerId}`;

  /** A handle of this node's own for room management (create, destroy), made again after a lost connection. */
  function controlHandle(): Promise<JanusHandle> {
    control ??= (async () => {
      const session = await janus.createSession();
      session.onGone(() => (control = null));
      return session.attach();
    })().catch((error: unknown) => {
      control = null;
      throw error;
    });
    return control;
  }

  async function ensureRoom(roomId: string) {
    const room = janusRoomOf(roomId);
    const handle = await controlHandle();
    const { data } = await handle.message({ request: 'exists', room });
    if (data.exists === true) return room;
    try {
      await handle.message({
        request: 'create',
        room,
        description: roomId,
        is_private: true,
        permanent: false,
        publishers: config.SFU_MAX_PUBLISHERS,
        bitrate: 1_000_000,
        fir_freq: 10,
        audiocodec: 'opus',
        videocodec: 'vp8',
        notify_joining: false,
      });
    } catch (error) {
      // Another node made it in the meantime.
      if (!(error instanceof JanusError && error.code === 427)) throw error;
    }
    return room;
  }

  const unsubscribeBus = bus.subscribe('room.*.sfu', (message) => {
    const decision = decodeJson<VideoDecision>(message.data);
    applyDecision(decision).catch((e) => log('sfu video decision', e));
  });

  async function applyDecision({ roomId, personId, allowed }: VideoDecision) {
    const set = blocked.get(roomId) ?? new Set<string>();
    if (allowed) set.delete(personId);
    else set.add(personId);
    blocked.set(roomId, set);
    for (const state of peers.values()) {
      if (state.ref.roomId !== roomId) continue;
      state.ref.send({ type: 'sfu.video', personId, allowed });
      if (allowed || state.ref.personId !== personId) continue;
      // Stopped: what this person sends leaves the room now; their browser publishes sound only.
      if (state.screen) await stopScreen(state);
      if (state.cameraPublished) {
        state.cameraPublished = false;
        await state.publisher.message({ request: 'unpublish' }).catch(() => undefined);
      }
    }
  }

  const videoAllowed = (roomId: string, personId: string) => !blocked.get(roomId)?.has(personId);

  async function teardown(state: PeerState) {
    if (state.closed) return;
    state.closed = true;
    if (peers.get(key(state.ref.roomId, state.ref.peerId)) === state)
      peers.delete(key(state.ref.roomId, state.ref.peerId));
    // Destroying the session ends every handle: the others see the feeds leave.
    await state.session.destroy();
  }

  async function stopScreen(state: PeerState) {
    const screen = state.screen;
    state.screen = null;
    if (!screen) return;
    await screen.message({ request: 'leave' }).catch(() => undefined);
    await screen.detach();
  }

  async function join(ref: SfuPeerRef) {
    const previous = peers.get(key(ref.roomId, ref.peerId));
    if (previous) await teardown(previous);
    const room = await ensureRoom(ref.roomId);
    const session = await janus.createSession();
    const publisher = await session.attach();
    const state: PeerState = {
      ref,
      session,
      publisher,
      cameraPublished: false,
      screen: null,
      subscriptions: new Map(),
      closed: false,
    };
    peers.set(key(ref.roomId, ref.peerId), state);
    session.onGone(() => {
      if (state.closed) return;
      state.closed = true;
      if (peers.get(key(ref.roomId, ref.peerId)) === state) peers.delete(key(ref.roomId, ref.peerId));
      state.ref.send({ type: 'sfu.reset', reason: 'the media server connection was lost' });
    });
    publisher.onEvent((event, kind) => onPublisherEvent(state, event, kind));
    const joined = await publisher.message({
      request: 'join',
      ptype: 'publisher',
      room,
      id: randomInt(1, 2 ** 47),
      display: `${ref.peerId}:camera`,
    });
    return { state, feeds: parseFeeds(joined.data.publishers).filter((f) => f.peerId !== ref.peerId) };
  }

  function onPublisherEvent(state: PeerState, event: PluginEvent, kind: string) {
    if (state.closed || kind !== 'event') return;
    const data = event.data;
    if (data.videoroom === 'destroyed') {
      void teardown(state);
      state.ref.send({ type: 'sfu.reset', reason: 'the video room was closed' });
      return;
    }
    if (data.videoroom !== 'event') return;
    const added = parseFeeds(data.publishers).filter((f) => f.peerId !== state.ref.peerId);
    const removed = [data.unpublished, data.leaving].filter(
      (id): id is number => typeof id === 'number' && Number.isSafeInteger(id),
    );
    for (const feed of removed) {
      const handle = state.subscriptions.get(feed);
      state.subscriptions.delete(feed);
      void handle?.detach();
    }
    if (added.length || removed.length) state.ref.send({ type: 'sfu.feeds', added, removed });
  }

  function stateOf(ref: SfuPeerRef) {
    const state = peers.get(key(ref.roomId, ref.peerId));
    if (!state || state.closed) throw new NotFoundError('join the video room first (sfu.join)');
    state.ref = ref;
    return state;
  }

  async function publish(ref: SfuPeerRef, kind: SfuKind, jsep: { type: 'offer' | 'answer'; sdp: string }) {
    const state = stateOf(ref);
    if (jsep.type !== 'offer') throw new ForbiddenError('publish with an offer');
    const allowed = videoAllowed(ref.roomId, ref.personId);
    if (!allowed && (kind === 'screen' || sendsVideo(jsep.sdp)))
      throw new ForbiddenError('the host has stopped your video; you can still be heard');
    if (kind === 'camera') {
      const answer = await state.publisher.message(
        state.cameraPublished ? { request: 'configure' } : { request: 'publish' },
        jsep,
      );
      state.cameraPublished = true;
      if (answer.jsep) ref.send({ type: 'sfu.answer', kind, jsep: answer.jsep });
      return;
    }
    let screen = state.screen;
    let answer: PluginEvent;
    if (screen) answer = await screen.message({ request: 'configure' }, jsep);
    else {
      screen = await state.session.attach();
      state.screen = screen;
      answer = await screen.message(
        {
          request: 'joinandconfigure',
          ptype: 'publisher',
          room: janusRoomOf(ref.roomId),
          id: randomInt(1, 2 ** 47),
          display: `${ref.peerId}:screen`,
        },
        jsep,
      );
    }
    if (answer.jsep) ref.send({ type: 'sfu.answer', kind, jsep: answer.jsep });
  }

  async function subscribe(ref: SfuPeerRef, feed: number) {
    const state = stateOf(ref);
    const old = state.subscriptions.get(feed);
    state.subscriptions.delete(feed);
    await old?.detach();
    const handle = await state.session.attach();
    state.subscriptions.set(feed, handle);
    // Later offers (an ICE restart, a renegotiation Janus starts) arrive as events.
    handle.onEvent((event) => {
      if (event.jsep?.type === 'offer') ref.send({ type: 'sfu.offer', feed, jsep: event.jsep });
    });
    try {
      const offer = await handle.message({
        request: 'join',
        ptype: 'subscriber',
        room: janusRoomOf(ref.roomId),
        streams: [{ feed }],
      });
      if (offer.jsep) ref.send({ type: 'sfu.offer', feed, jsep: offer.jsep });
    } catch (error) {
      state.subscriptions.delete(feed);
      await handle.detach();
      if (error instanceof JanusError && error.code === 428)
        throw new NotFoundError(`feed ${feed} is not in the room`);
      throw error;
    }
  }

  function subscription(state: PeerState, feed: number) {
    const handle = state.subscriptions.get(feed);
    if (!handle) throw new NotFoundError(`not subscribed to feed ${feed}`);
    return handle;
  }

  return {
    janus,
    mode: (info: RoomInfo) => mediaMode(config, info),

    async handle(ref: SfuPeerRef, message: SfuMessage) {
      switch (message.type) {
        case 'sfu.join': {
          const { feeds } = await join(ref);
          ref.send({
            type: 'sfu.joined',
            ref: message.ref,
            feeds,
            videoAllowed: videoAllowed(ref.roomId, ref.personId),
          });
          return;
        }
        case 'sfu.publish':
          return publish(ref, message.kind, message.jsep);
        case 'sfu.unpublish': {
          const state = stateOf(ref);
          if (message.kind === 'screen') return stopScreen(state);
          if (!state.cameraPublished) return;
          state.cameraPublished = false;
          await state.publisher.message({ request: 'unpublish' });
          return;
        }
        case 'sfu.subscribe':
          return subscribe(ref, message.feed);
        case 'sfu.start':
          await subscription(stateOf(ref), message.feed).message({ request: 'start' }, message.jsep);
          return;
        case 'sfu.unsubscribe': {
          const state = stateOf(ref);
          const handle = state.subscriptions.get(message.feed);
          state.subscriptions.delete(message.feed);
          await handle?.detach();
          return;
        }
        case 'sfu.restart': {
          const handle = subscription(stateOf(ref), message.feed);
          const offer = await handle.message({ request: 'configure', restart: true });
          if (offer.jsep) ref.send({ type: 'sfu.offer', feed: message.feed, jsep: offer.jsep });
          return;
        }
        case 'sfu.trickle': {
          const state = peers.get(key(ref.roomId, ref.peerId));
          if (!state || state.closed) return;
          const handle =
            message.kind === 'camera'
              ? state.publisher
              : message.kind === 'screen'
                ? state.screen
                : message.feed
                  ? state.subscriptions.get(message.feed)
                  : undefined;
          // A candidate for a connection that was just replaced: nothing to do.
          if (handle) await handle.trickle(message.candidate).catch(() => undefined);
          return;
        }
        case 'sfu.allow':
          if (!ref.host) throw new ForbiddenError('only the host decides who may send video');
          await bus.publish(
            SFU_SUBJECT(ref.roomId),
            encodeJson({ roomId: ref.roomId, personId: message.personId, allowed: message.video }),
          );
          return;
        default: {
          const _exhaustive: never = message;
          return _exhaustive;
        }
      }
    },

    /** The peer left this node (left, dropped past the grace period, or resumed on another node). */
    peerGone(roomId: string, peerId: string) {
      const state = peers.get(key(roomId, peerId));
      if (state) void teardown(state).catch((e) => log('sfu teardown', e));
    },

    /** This node's last peer left the room: when the session is over, or no node holds anyone, Janus lets go. */
    roomClosed(info: RoomInfo, nobodyElsewhere: boolean, now: Date) {
      if (!nobodyElsewhere && isRoomOpen(info, now)) return;
      blocked.delete(info.roomId);
      void controlHandle()
        .then((handle) => handle.message({ request: 'destroy', room: janusRoomOf(info.roomId) }))
        .catch((error: unknown) => {
          if (!(error instanceof JanusError && error.code === 426)) log('sfu room destroy', error);
        });
    },

    close() {
      unsubscribeBus();
      janus.close();
    },
  };
}

export type Sfu = ReturnType<typeof createSfu>;
