// The chaos run's training registrations: a published training whose one section has fewer seats than there are
// learners, learners added and removed by the admin on whichever node answers, and the checks afterwards: every
// acknowledged registration is in the training's log, and the section never held more learners than its seats.
import type { RecordedEvent } from '../../../commands/eventStore/port.js';
import { streamId } from '../../../commands/eventStore/streams.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of several routes, read loosely
type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;
type Ack = { what: string; seen: (events: (stream: string) => Promise<RecordedEvent[]>) => Promise<boolean> };

export const SEATS = 2;

/** Sets the training up over HTTP; returns one step of load (a registration or a removal) and the seat check. */
export async function chaosTraining(call: Call, now: string, trainerId: string, learners: string[]) {
  const ok = (res: { status: number; json: unknown }, what: string) => {
    if (res.status < 200 || res.status >= 300)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json as Record<string, unknown> & { id: string };
  };
  const at = (hours: number) => new Date(Date.parse(now) + hours * 3_600_000).toISOString();
  const club = ok(
    await call('POST', '/api/groups', { kind: 'students', name: 'Chaos learners', memberIds: learners }),
    'learner group',
  );
  const trainers = ok(
    await call('POST', '/api/groups', { kind: 'trainers', name: 'Chaos trainers', memberIds: [trainerId] }),
    'trainer group',
  );
  ok(
    await call('PUT', `/api/trainer-groups/${trainers.id}/participant-groups`, {
      participantGroupIds: [club.id],
    }),
    'participant groups',
  );
  const training = ok(
    await call('POST', '/api/trainings', { name: 'Chaos training', description: 'Seats under load.' }),
    'training',
  );
  const withSection = ok(
    await call('POST', `/api/trainings/${training.id}/sections`, {
      name: 'Chaos section',
      participantGroupIds: [club.id],
      registrationOpens: at(-24),
      registrationCloses: at(24 * 6),
      capacity: SEATS,
      trainerIds: [trainerId],
      attendanceConfirmationRequired: false,
      events: [
        {
          start: at(24 * 7),
          end: at(24 * 7 + 2),
          timeZone: 'UTC',
          format: 'online',
          trainerId,
          link: 'https://meet.example.com/chaos',
        },
      ],
    }),
    'section',
  );
  const sectionId = (withSection.sections as { id: string }[])[0]!.id;
  ok(await call('POST', `/api/trainings/${training.id}/publish`, {}), 'publish');
  const stream = streamId('training', training.id);
  const acked = new Map<string, number>();

  /** Adds or removes a random learner; an acknowledged addition must show in the log. */
  async function step(acks: Ack[]) {
    const learnerId = learners[Math.floor(Math.random() * learners.length)]!;
    if (Math.random() < 0.4) {
      await call('DELETE', `/api/trainings/${training.id}/registrations/${learnerId}`);
      return;
    }
    const res = await call('POST', `/api/trainings/${training.id}/sections/${sectionId}/registrations`, {
      learnerId,
    });
    if (res.status !== 201) return;
    const nth = (acked.get(learnerId) ?? 0) + 1;
    acked.set(learnerId, nth);
    acks.push({
      what: `registration ${nth} of ${learnerId}`,
      // Each 201 appended one (adding a learner already in the section is refused with 409).
      seen: async (events) =>
        (await events(stream)).filter(
          (e) =>
            (e.type === 'LearnerRegistered' || e.type === 'LearnerWaitlisted') &&
            (e.data as { learnerId: string }).learnerId === learnerId,
        ).length >= nth,
    });
  }

  /** Each moment the section held more learners than its seats, from the log. */
  async function overbooked(events: (stream: string) => Promise<RecordedEvent[]>) {
    const seated = new Set<string>();
    const found: string[] = [];
    for (const e of await events(stream)) {
      const { learnerId } = e.data as { learnerId?: string };
      if (!learnerId) continue;
      if (e.type === 'LearnerRegistered') seated.add(learnerId);
      if (e.type === 'LearnerDeregistered') seated.delete(learnerId);
      if (seated.size > SEATS) found.push(`${seated.size} seated after ${e.type} at ${e.streamRevision}`);
    }
    return found;
  }

  return { step, overbooked };
}
