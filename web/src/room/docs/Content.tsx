// The shared content under the video dock: the lesson document or the whiteboard. Both Yjs documents stay in
// sync in the background, so switching tabs is instant. In individual sessions the teacher may show another
// lesson (Lesson Library or an instant lesson) and return to the session lesson; everyone follows.
import { Suspense, lazy, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CurrentLesson, DocName } from '../rt/protocol';
import type { RoomSession } from '../rt/roomSession';
import { SharedDoc } from '../rt/yjsProvider';
import { api } from '../../lib/api';
import { LessonDocument } from './LessonDocument';
import { GroupInstantLessons } from '../../lessons/room/GroupInstantLessons';
import './assetPath';

const Whiteboard = lazy(() => import('./Whiteboard'));
const RoomExercises = lazy(() => import('../../lessons/room/RoomExercises'));

type Props = {
  session: RoomSession;
  lesson: CurrentLesson;
  canEdit: boolean;
  isHost: boolean;
  individual: boolean;
  selfName: string;
  enrollmentId: string | null;
  /** The session's exercises tab: answered by students, followed by the teacher. */
  liveSessionId?: string;
  nameOf?(personId: string): string;
};

export function Content({
  session,
  lesson,
  canEdit,
  isHost,
  individual,
  selfName,
  enrollmentId,
  liveSessionId,
  nameOf,
}: Props) {
  const { t } = useTranslation('room');
  const [tab, setTab] = useState<'document' | 'whiteboard' | 'exercises'>('document');
  const docName: DocName = lesson.current ? `lesson:${lesson.current.lessonId}` : 'lesson';
  const lessonDoc = useSharedDoc(session, docName);
  const whiteboard = useSharedDoc(session, 'whiteboard');
  const user = { name: selfName, color: colorFor(selfName) };
  const courseTitle = useCourseLessonTitle(
    enrollmentId,
    lesson.current?.kind === 'course' ? lesson.current.lessonId : null,
  );
  const lessonTitle =
    lesson.current?.title ??
    courseTitle ??
    (lesson.current ? t('content.anotherLesson') : t('content.sessionLesson'));
  // An instant lesson on show has its own exercises; otherwise the session lesson's.
  const exercisesBase =
    lesson.current?.kind === 'instant'
      ? `/api/rooms/ls-${liveSessionId}/instant-lessons/${lesson.current.lessonId}`
      : `/api/live-sessions/${liveSessionId}`;

  return (
    <section className="room-content" aria-label={t('content.label')}>
      {(individual || lesson.current?.kind === 'instant') && lesson.current && (
        <div className="switched" data-testid="lesson-switched">
          <span>
            <Trans
              t={t}
              i18nKey={lesson.current.kind === 'instant' ? 'content.showingInstant' : 'content.showing'}
              values={{ title: lessonTitle }}
              components={{ strong: <strong /> }}
            />
          </span>
          {isHost && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => session.send({ type: 'lesson.return' })}
              data-testid="return-to-session-lesson"
            >
              {t('content.return')}
            </button>
          )}
        </div>
      )}
      {!individual && isHost && <GroupInstantLessons session={session} lesson={lesson} />}
      <div role="tablist" className="tabs content-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'document'}
          className={`tab ${tab === 'document' ? 'tab-on' : ''}`}
          onClick={() => setTab('document')}
          data-testid="tab-document"
        >
          {t('content.document')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'whiteboard'}
          className={`tab ${tab === 'whiteboard' ? 'tab-on' : ''}`}
          onClick={() => setTab('whiteboard')}
          data-testid="tab-whiteboard"
        >
          {t('content.whiteboard')}
        </button>
        {liveSessionId && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'exercises'}
            className={`tab ${tab === 'exercises' ? 'tab-on' : ''}`}
            onClick={() => setTab('exercises')}
            data-testid="tab-exercises"
          >
            {t('content.exercises')}
          </button>
        )}
        {tab === 'document' && (
          <span className={`mode-chip ${canEdit ? 'mode-edit' : 'mode-view'}`} data-testid="doc-mode">
            {canEdit ? t('content.youCanEdit') : t('content.viewOnly')}
          </span>
        )}
      </div>
      <div className="room-content-body" role="tabpanel">
        {tab === 'document' && lessonDoc && (
          <LessonDocument
            key={lessonDoc.name}
            shared={lessonDoc}
            editable={canEdit}
            user={user}
            title={lessonTitle}
          />
        )}
        {tab === 'whiteboard' && whiteboard && (
          <Suspense fallback={<p className="muted">{t('content.openingWhiteboard')}</p>}>
            <Whiteboard shared={whiteboard} />
          </Suspense>
        )}
        {tab === 'exercises' && liveSessionId && (
          <Suspense fallback={<p className="muted">{t('content.openingExercises')}</p>}>
            <RoomExercises
              key={exercisesBase}
              base={exercisesBase}
              socket={session.socket}
              isHost={isHost}
              nameOf={nameOf ?? (() => t('student'))}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}

/** The title of a course lesson the teacher switched to (the room only knows its id). */
function useCourseLessonTitle(enrollmentId: string | null, lessonId: string | null) {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!enrollmentId || !lessonId || titles[lessonId]) return;
    api
      .get<{ lessons: { courseLessonId: string; title: string }[] }>(
        `/api/enrollments/${enrollmentId}/lessons`,
      )
      .then((r) => setTitles(Object.fromEntries(r.lessons.map((l) => [l.courseLessonId, l.title]))))
      .catch(() => undefined);
  }, [enrollmentId, lessonId, titles]);
  return lessonId ? (titles[lessonId] ?? null) : null;
}

/** A Yjs document for as long as the component shows it; a new name is a new document. */
function useSharedDoc(session: RoomSession, name: DocName) {
  const [doc, setDoc] = useState<SharedDoc | null>(null);
  useEffect(() => {
    const shared = new SharedDoc(session.socket, name);
    setDoc(shared);
    return () => shared.destroy();
  }, [session, name]);
  return doc && doc.name === name ? doc : null;
}

const COLORS = ['#2563eb', '#16a34a', '#db2777', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04'];
function colorFor(name: string) {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}
