// This node's peers in Janus: per peer a Janus session with a publisher handle (joined as a publisher even when
// sending nothing, so it hears of every feed and of who talks), a second publisher for a shared screen, and a
// subscriber handle per feed it receives. What Janus tells a handle goes to the browser as `sfu.*` messages.
import { randomInt } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';
import type { ServerMessage, SfuKind, VideoQuality } from '../messages.js';
import { parseFeeds, qualityStreams, sendsVideo, videoMids } from './feeds.js';
import {
  JanusError,
  type JanusClient,
  type JanusHandle,
  type JanusSession,
  type PluginEvent,
} from './janusClient.js';
import { janusRoomOf } from './janusRooms.js';

/** Who sends: the peer on this node, where its messages go, and whether it hosts the room. */
export type SfuPeerRef = {
  roomId: string;
  peerId: string;
  personId: string;
  host: boolean;
  send(message: ServerMessage): void;
};

type Subscription = { handle: JanusHandle; videoMids: string[] };

export type PeerState = {
  ref: SfuPeerRef;
  session: JanusSession;
  publisher: JanusHandle;
  cameraPublished: boolean;
  screen: JanusHandle | null;
  subscriptions: Map<number, Subscription>;
  closed: boolean;
};

type Jsep = { type: 'offer' | 'answer'; sdp: string };
const NO_SUCH_FEED = 428;

export function sfuPeers(janus: JanusClient, ensureRoom: (roomId: string) => Promise<number>) {
  const peers = new Map<string, PeerState>();
  const key = (roomId: string, peerId: string) => `${roomId}/${peerId}`;

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

  async function unpublishCamera(state: PeerState) {
    if (!state.cameraPublished) return;
    state.cameraPublished = false;
    await state.publisher.message({ request: 'unpublish' }).catch(() => undefined);
  }

  function onPublisherEvent(state: PeerState, event: PluginEvent, kind: string) {
    if (state.closed || kind !== 'event') return;
    const data = event.data;
    if (data.videoroom === 'destroyed') {
      void teardown(state);
      state.ref.send({ type: 'sfu.reset', reason: 'the video room was closed' });
      return;
    }
    if ((data.videoroom === 'talking' || data.videoroom === 'stopped-talking') && typeof data.id === 'number')
      return state.ref.send({ type: 'sfu.talking', feed: data.id, talking: data.videoroom === 'talking' });
    if (data.videoroom !== 'event') return;
    const added = parseFeeds(data.publishers).filter((f) => f.peerId !== state.ref.peerId);
    const removed = [data.unpublished, data.leaving].filter(
      (id): id is number => typeof id === 'number' && Number.isSafeInteger(id),
    );
    for (const feed of removed) {
      const sub = state.subscriptions.get(feed);
      state.subscriptions.delete(feed);
      void sub?.handle.detach();
    }
    if (added.length || removed.length) state.ref.send({ type: 'sfu.feeds', added, removed });
  }

  function stateOf(ref: SfuPeerRef) {
    const state = peers.get(key(ref.roomId, ref.peerId));
    if (!state || state.closed) throw new NotFoundError('video_peer', 'join the video room first (sfu.join)');
    state.ref = ref;
    return state;
  }

  function subscription(ref: SfuPeerRef, feed: number) {
    const sub = stateOf(ref).subscriptions.get(feed);
    if (!sub) throw new NotFoundError('feed_subscription', `not subscribed to feed ${feed}`, { feed });
    return sub;
  }

  async function answerWith(ref: SfuPeerRef, kind: SfuKind, answer: PluginEvent) {
    if (answer.jsep) ref.send({ type: 'sfu.answer', kind, jsep: answer.jsep });
  }

  return {
    peers,
    teardown,
    stopScreen,
    unpublishCamera,
    stateOf,

    async join(ref: SfuPeerRef) {
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
      return parseFeeds(joined.data.publishers).filter((f) => f.peerId !== ref.peerId);
    },

    async publish(ref: SfuPeerRef, kind: SfuKind, jsep: Jsep, videoAllowed: boolean) {
      const state = stateOf(ref);
      if (jsep.type !== 'offer') throw new ForbiddenError('offer_required', 'publish with an offer');
      if (!videoAllowed && (kind === 'screen' || sendsVideo(jsep.sdp)))
        throw new ForbiddenError(
          'video_stopped_by_host',
          'the host has stopped your video; you can still be heard',
        );
      if (kind === 'camera') {
        const request = state.cameraPublished ? 'configure' : 'publish';
        const answer = await state.publisher.message({ request }, jsep);
        state.cameraPublished = true;
        return answerWith(ref, kind, answer);
      }
      if (state.screen)
        return answerWith(ref, kind, await state.screen.message({ request: 'configure' }, jsep));
      const screen = await state.session.attach();
      state.screen = screen;
      const answer = await screen.message(
        {
          request: 'joinandconfigure',
          ptype: 'publisher',
          room: janusRoomOf(ref.roomId),
          id: randomInt(1, 2 ** 47),
          display: `${ref.peerId}:screen`,
        },
        jsep,
      );
      return answerWith(ref, kind, answer);
    },

    async subscribe(ref: SfuPeerRef, feed: number) {
      const state = stateOf(ref);
      const old = state.subscriptions.get(feed);
      state.subscriptions.delete(feed);
      await old?.handle.detach();
      const handle = await state.session.attach();
      const sub: Subscription = { handle, videoMids: [] };
      state.subscriptions.set(feed, sub);
      // Later offers (an ICE restart, a renegotiation Janus starts) arrive as events.
      handle.onEvent((event) => {
        if (event.jsep?.type === 'offer') ref.send({ type: 'sfu.offer', feed, jsep: event.jsep });
      });
      try {
        const offer = await handle.message({
          request: 'join',
          ptype: 'subscriber',
          room: janusRoomOf(ref.roomId),
          // The smallest simulcast layer first: it is the one a sender always sends; the tile's size raises it
          // once video flows (the browser asks). Janus only switches to a layer it receives.
          streams: [{ feed, substream: 0 }],
        });
        sub.videoMids = videoMids(offer.data.streams);
        if (offer.jsep) ref.send({ type: 'sfu.offer', feed, jsep: offer.jsep });
      } catch (error) {
        state.subscriptions.delete(feed);
        await handle.detach();
        if (error instanceof JanusError && error.code === NO_SUCH_FEED)
          throw new NotFoundError('feed', `feed ${feed} is not in the room`, { feed });
        throw error;
      }
    },

    start: (ref: SfuPeerRef, feed: number, jsep: Jsep) =>
      subscription(ref, feed).handle.message({ request: 'start' }, jsep),

    async unsubscribe(ref: SfuPeerRef, feed: number) {
      const state = stateOf(ref);
      const sub = state.subscriptions.get(feed);
      state.subscriptions.delete(feed);
      await sub?.handle.detach();
    },

    async restart(ref: SfuPeerRef, feed: number) {
      const offer = await subscription(ref, feed).handle.message({ request: 'configure', restart: true });
      if (offer.jsep) ref.send({ type: 'sfu.offer', feed, jsep: offer.jsep });
    },

    /** The simulcast layer received of a feed's video (by its tile's size), or its sound only. */
    async quality(ref: SfuPeerRef, feed: number, video: VideoQuality) {
      const sub = subscription(ref, feed);
      if (sub.videoMids.length === 0) return;
      await sub.handle.message({ request: 'configure', streams: qualityStreams(sub.videoMids, video) });
    },

    async trickle(ref: SfuPeerRef, kind: SfuKind | undefined, feed: number | undefined, candidate: unknown) {
      const state = peers.get(key(ref.roomId, ref.peerId));
      if (!state || state.closed) return;
      const handle =
        kind === 'camera'
          ? state.publisher
          : kind === 'screen'
            ? state.screen
            : feed
              ? state.subscriptions.get(feed)?.handle
              : undefined;
      // A candidate for a connection that was just replaced: nothing to do.
      if (handle) await handle.trickle(candidate).catch(() => undefined);
    },
  };
}

export type SfuPeers = ReturnType<typeof sfuPeers>;
