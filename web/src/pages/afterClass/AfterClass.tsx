// After class: what happened in a finished session's room, for its teacher, its students and admins. The chat,
// the polls (who answered what only for the teacher of a named poll; anonymous polls only counts), the
// whiteboard and the lesson document, read-only. Shown inside the session page (?tab=after-class).
import { Suspense, lazy, useState } from 'react';
import type { ScheduleEntry } from '../../lib/types';
import { Link } from '../../lib/router';
import { sessionTitle } from '../../lib/types';
import { PageHeader } from '../../ui/Layout';
import { Loading } from '../../ui/feedback';
import { ChatRecord } from './ChatRecord';
import { PollsRecord } from './PollsRecord';
import { DocumentRecord } from './DocumentRecord';

const WhiteboardRecord = lazy(() => import('./WhiteboardRecord'));

const TABS = [
  ['chat', 'Chat'],
  ['polls', 'Polls'],
  ['whiteboard', 'Whiteboard'],
  ['document', 'Document'],
] as const;
type Tab = (typeof TABS)[number][0];

export default function AfterClass({ session, timeZone }: { session: ScheduleEntry; timeZone: string }) {
  const [tab, setTab] = useState<Tab>('chat');
  const roomId = `ls-${session.id}`;
  const names = new Map<string, string>([
    [session.teacherId, session.teacherName ?? 'Teacher'],
    ...session.participants.map((p) => [p.studentId, p.name ?? 'A student'] as [string, string]),
  ]);
  const nameOf = (personId: string) => names.get(personId) ?? 'Someone';

  return (
    <section className="after-class" data-testid="after-class">
      <p className="crumbs">
        <Link href={`/platform/sessions/${session.id}`}>← Back to the session</Link>
      </p>
      <PageHeader title={`After class: ${sessionTitle(session)}`}>
        What happened in the room, as it was left when the session ended. Read only.
      </PageHeader>
      <div className="row" role="tablist" aria-label="After class">
        {TABS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`after-class-tab-${key}`}
            aria-controls={`after-class-panel-${key}`}
            aria-selected={tab === key}
            className={tab === key ? 'btn btn-small btn-primary' : 'btn btn-small'}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        className="card"
        role="tabpanel"
        id={`after-class-panel-${tab}`}
        aria-labelledby={`after-class-tab-${tab}`}
      >
        {tab === 'chat' && <ChatRecord roomId={roomId} timeZone={timeZone} />}
        {tab === 'polls' && <PollsRecord roomId={roomId} nameOf={nameOf} />}
        {tab === 'whiteboard' && (
          <Suspense fallback={<Loading label="Loading the whiteboard…" />}>
            <WhiteboardRecord roomId={roomId} />
          </Suspense>
        )}
        {tab === 'document' && <DocumentRecord roomId={roomId} />}
      </div>
    </section>
  );
}
