// Live rooms over HTTP: the chat and poll results to review after the session, the students' edit
// permission, lesson switching and instant lessons. Changes reach the people in the room at once (the bus).
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';
import type { RoomCommand } from '../../domain/room/commands.js';
import { ChatMessage, CurrentLesson, PollView, RoomId } from '../../realtime/messages.js';
import {
  currentLesson,
  lessonSwitch,
  newId,
  pollView,
  roomLesson,
  runRoomCommand,
} from '../../commands/rooms.js';
import { requireOpen, roomMembership } from '../../auth/roomAccess.js';
import { chatTranscript, roomPermissions, roomPolls } from '../../projections/room/queries.js';
import { commandContext, requireActor, afterWrite, readModelsCaughtUp } from '../http.js';
import type { Actor } from '../../auth/sessions.js';
import { errors } from './schemas.js';

const RoomParams = z.object({ roomId: RoomId });
const Permission = z.object({ personId: z.string(), canEdit: z.boolean() });

export async function roomRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rooms'];

  /** Runs a host's in-session change: the room must be open (it is about the session in progress). */
  const change = async (
    actor: Actor,
    roomId: string,
    body: Record<string, unknown>,
    request: Parameters<typeof commandContext>[1],
  ) => {
    const { info, roomRole } = await roomMembership(deps, actor, roomId);
    if (roomRole !== 'host')
      throw new ForbiddenError('host_only', 'only the teacher can change this in the room');
    const now = deps.clock.now();
    requireOpen(info, now);
    const context = commandContext(deps, request, actor, { ifMatch: false });
    const command = {
      ...body,
      roomId,
      now: now.toISOString(),
      actor: { personId: actor.personId, roomRole },
    } as RoomCommand;
    const result = await runRoomCommand(deps, info, actor, command, {
      correlationId: context.correlationId,
      idempotencyKey: context.idempotencyKey,
      requestHash: context.requestHash,
    });
    return { info, result };
  };

  r.get(
    '/api/rooms/:roomId/chat',
    {
      schema: {
        tags,
        summary: 'The chat of a live room, also after the session',
        params: RoomParams,
        response: { 200: z.object({ messages: z.array(ChatMessage) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      await readModelsCaughtUp(deps);
      return { messages: await chatTranscript(deps.db, info.orgId, info.roomId) };
    },
  );

  r.delete(
    '/api/rooms/:roomId/chat/:messageId',
    {
      schema: {
        tags,
        summary: 'Remove a chat message (the teacher)',
        params: RoomParams.extend({ messageId: z.string().max(80) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { result } = await change(
        actor,
        request.params.roomId,
        { type: 'RemoveChatMessage', messageId: request.params.messageId },
        request,
      );
      await afterWrite(deps, reply, result);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/rooms/:roomId/polls',
    {
      schema: {
        tags,
        summary: "A live room's polls and results; the teacher sees named answers and non-responders",
        params: RoomParams,
        response: { 200: z.object({ polls: z.array(PollView) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info, roomRole } = await roomMembership(deps, actor, request.params.roomId);
      const viewer = { personId: actor.personId, roomRole };
      await readModelsCaughtUp(deps);
      const polls = await roomPolls(deps.db, info.orgId, info.roomId);
      return { polls: polls.map((p) => pollView(p, viewer, info.participantIds)) };
    },
  );

  r.get(
    '/api/rooms/:roomId/permissions',
    {
      schema: {
        tags,
        summary: "Who may edit the room's lesson document (students are view-only until allowed)",
        params: RoomParams,
        response: { 200: z.object({ permissions: z.array(Permission) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      const permissions = await roomPermissions(deps.db, info.orgId, info.roomId);
      return {
        permissions: info.participantIds.map((personId) => ({
          personId,
          canEdit: permissions.get(personId) === true,
        })),
      };
    },
  );

  r.put(
    '/api/rooms/:roomId/permissions/:personId',
    {
      schema: {
        tags,
        summary:
          "Allow or stop a student's editing of the lesson document (the teacher); reaches them at once",
        params: RoomParams.extend({ personId: z.uuid() }),
        body: z.object({ canEdit: z.boolean() }),
        response: { 200: Permission, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { roomId, personId } = request.params;
      const { info } = await roomMembership(deps, actor, roomId);
      if (!info.participantIds.includes(personId))
        throw new NotFoundError('room_participant', 'that person is not a participant of this room');
      const { result } = await change(
        actor,
        roomId,
        { type: 'SetEditPermission', personId, canEdit: request.body.canEdit },
        request,
      );
      await afterWrite(deps, reply, result);
      return { personId, canEdit: request.body.canEdit };
    },
  );

  r.get(
    '/api/rooms/:roomId/lesson',
    {
      schema: {
        tags,
        summary: 'The lesson on show in the room, and its instant lessons',
        params: RoomParams,
        response: { 200: CurrentLesson, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { info } = await roomMembership(deps, actor, request.params.roomId);
      return roomLesson(deps, info);
    },
  );

  r.put(
    '/api/rooms/:roomId/lesson',
    {
      schema: {
        tags,
        summary: 'Switch the lesson on show (individual sessions), or null to return to the session lesson',
        params: RoomParams,
        body: z.object({ lessonId: z.string().max(80).nullable() }),
        response: { 200: CurrentLesson, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { roomId } = request.params;
      const { lessonId } = request.body;
      const { info } = await roomMembership(deps, actor, roomId);
      const body = await lessonSwitch(deps, info, lessonId);
      const { result } = await change(actor, roomId, body, request);
      await afterWrite(deps, reply, result);
      return currentLesson(result.state, info);
    },
  );

  r.post(
    '/api/rooms/:roomId/instant-lessons',
    {
      schema: {
        tags,
        summary:
          'Create an instant lesson tied to this session (not in the course list); shown at once in individual sessions',
        params: RoomParams,
        body: z.object({ title: z.string().trim().min(1).max(200) }),
        response: { 201: z.object({ lessonId: z.string(), title: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { roomId } = request.params;
      const { info } = await roomMembership(deps, actor, roomId);
      const lessonId = newId();
      const { result } = await change(
        actor,
        roomId,
        { type: 'CreateInstantLesson', lessonId, title: request.body.title, sessionKind: info.sessionKind },
        request,
      );
      await afterWrite(deps, reply, result);
      const created = result.state.instantLessons.at(-1)!;
      return reply.status(201).send({ lessonId: created.lessonId, title: created.title });
    },
  );
}
