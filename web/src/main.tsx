// Entry: the auth gate, the layout and the route table. Pages load lazily so the first screen stays small.
import { StrictMode, Suspense, lazy, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { usePersonLanguage } from './i18n/personLanguage';
import { AuthProvider, useAuth } from './lib/auth';
import { Router, match, navigate, useLocation } from './lib/router';
import { Layout } from './ui/Layout';
import { Empty, Loading } from './ui/feedback';
import SignIn from './pages/SignIn';
import './i18n';
import './styles.css';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

const page = (load: () => Promise<{ default: ComponentType<{ params: Record<string, string> }> }>): Page =>
  lazy(load);

// The live room is its own module (issue 8); it is wired in only when it exists in this checkout.
const roomModules = import.meta.glob<{ default: ComponentType<{ params: Record<string, string> }> }>(
  './room/index.tsx',
);
const RoomPage = roomModules['./room/index.tsx'] ? page(roomModules['./room/index.tsx']) : null;

const SetPassword = page(() => import('./pages/account/SetPassword'));
const TrainingRoomPage = page(() => import('./pages/trainingRoom/TrainingRoomPage'));

const ROUTES: [string, Page][] = [
  ['/platform/schedule', page(() => import('./pages/Schedule'))],
  ['/platform/sessions/:id', page(() => import('./pages/SessionDetail'))],
  ['/platform/sessions/:id/complete', page(() => import('./pages/Completion'))],
  ['/platform/enrollments', page(() => import('./pages/Enrollments'))],
  ['/platform/enrollments/:id', page(() => import('./pages/EnrollmentDetail'))],
  ['/platform/trainings', page(() => import('./pages/Trainings'))],
  ['/platform/trainings/:id', page(() => import('./pages/TrainingDetail'))],
  ['/platform/billing', page(() => import('./pages/Billing'))],
  ['/platform/admin/people', page(() => import('./pages/admin/People'))],
  ['/platform/admin/groups', page(() => import('./pages/admin/Groups'))],
  ['/platform/admin/courses', page(() => import('./pages/admin/Courses'))],
  ['/platform/admin/audit', page(() => import('./pages/admin/Audit'))],
  ['/platform/admin/reports', page(() => import('./pages/admin/Reports'))],
  [
    '/platform/courses/:courseId/lessons/:lessonId/content',
    page(() => import('./lessons/editor/LessonEditorPage')),
  ],
  ['/platform/homework', page(() => import('./pages/Homework'))],
  ['/platform/preferences', page(() => import('./pages/Preferences'))],
  ['/platform/account/password', page(() => import('./pages/account/ChangePassword'))],
  ['/platform/enrollments/:id/homework/:homeworkId', page(() => import('./pages/HomeworkDetail'))],
];

function Routes() {
  const { me } = useAuth();
  const { path } = useLocation();
  const { t } = useTranslation();
  usePersonLanguage(me?.id);
  useEffect(() => {
    if (me && (path === '/' || path === '/signin' || path === '/platform' || path === '/platform/'))
      navigate('/platform/schedule', { replace: true });
  }, [me, path]);
  if (me === undefined) return <Loading label={t('app.starting')} />;
  // A one-time link (invitation, reset, first admin) works signed in or not.
  if (path === '/set-password')
    return (
      <Suspense fallback={<Loading />}>
        <SetPassword params={{}} />
      </Suspense>
    );
  if (me === null) return <SignIn />;

  const trainingRoomParams = match('/training-room/:trainingEventId', path);
  if (trainingRoomParams)
    return (
      <Suspense fallback={<Loading />}>
        <TrainingRoomPage params={trainingRoomParams} />
      </Suspense>
    );
  const roomParams = match('/room/:liveSessionId', path);
  if (roomParams) {
    return (
      <Suspense fallback={<Loading label={t('app.openingRoom')} />}>
        {RoomPage ? (
          <RoomPage params={roomParams} />
        ) : (
          <Layout>
            <Empty title={t('app.noRoom')}>
              <a href={`/platform/sessions/${roomParams.liveSessionId}`}>{t('app.backToSession')}</a>
            </Empty>
          </Layout>
        )}
      </Suspense>
    );
  }
  for (const [pattern, Component] of ROUTES) {
    const params = match(pattern, path);
    if (params)
      return (
        <Layout>
          <Suspense fallback={<Loading />}>
            <Component params={params} />
          </Suspense>
        </Layout>
      );
  }
  return (
    <Layout>
      <Empty title={t('app.notFound')}>
        <a href="/platform/schedule">{t('app.goToSchedule')}</a>
      </Empty>
    </Layout>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Router>
      <AuthProvider>
        {/* Until the interface's catalogue has arrived: a spinner without words. */}
        <Suspense fallback={<div className="loading" role="status" aria-busy="true" />}>
          <Routes />
        </Suspense>
      </AuthProvider>
    </Router>
  </StrictMode>,
);
