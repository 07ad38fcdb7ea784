// After class: what happened in a finished session's room, for its teacher, its students and admins. The chat,
// the polls (who answered what only for the teacher of a named poll; anonymous polls only counts), the
// whiteboard and the lesson document, read-only. Shown inside the session page (?tab=after-class).
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleEntry } from '../../lib/types';
import { Link } from '../../lib/router';
import { sessionTitle } from '../../lib/types';
import { PageHeader } from '../../ui/Layout';
import { Loading } from '../../ui/feedback';
import { ChatRecord } from './ChatRecord';
import { PollsRecord } from './PollsRecord';
import { DocumentRecord } from './DocumentRecord';

const WhiteboardRecord = lazy(() => import('./WhiteboardRecord'));

const TABS = ['chat', 'polls', 'whiteboard', 'document'] as const;
type Tab = (typeof TABS)[number];

export default function AfterClass({ session, timeZone }: { session: ScheduleEntry; timeZone: string }) {
  const { t } = useTranslation('completion');
  const [tab, setTab] = useState<Tab>('chat');
  const roomId = `ls-${session.id}`;
  const names = new Map<string, string>([
    [session.teacherId, session.teacherName ?? t('afterClass.teacher')],
    ...session.participants.map((p) => [p.studentId, p.name ?? t('afterClass.aStudent')] as [string, string]),
  ]);
  const nameOf = (personId: string) => names.get(personId) ?? t('afterClass.someone');

  return (
    <section className="after-class" data-testid="after-class">
      <p className="crumbs">
        <Link href={`/platform/sessions/${session.id}`}>← {t('app.backToSession', { ns: 'common' })}</Link>
      </p>
      <PageHeader title={t('afterClass.title', { title: sessionTitle(session) })}>
        {t('afterClass.intro')}
      </PageHeader>
      <div className="row" role="tablist" aria-label={t('afterClass.tabs')}>
        {TABS.map((key) => (
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
            {t(`afterClass.tab.${key}`)}
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
          <Suspense fallback={<Loading label={t('afterClass.loadingWhiteboard')} />}>
            <WhiteboardRecord roomId={roomId} />
          </Suspense>
        )}
        {tab === 'document' && <DocumentRecord roomId={roomId} />}
      </div>
    </section>
  );
}
