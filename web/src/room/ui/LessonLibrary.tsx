// The Lesson Library (individual sessions): every lesson of the student's enrollment, searchable and filtered by
// type and status. "Open Here" switches the shared content while the call goes on; "Open in New Tab" only looks.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ApiError } from '../../lib/api';

export type LibraryLesson = { id: string; title: string; kind: string; status: string; position: number };

type Props = {
  enrollmentId: string;
  /** The course of the lessons: "Edit content" opens the lesson editor in a new tab. */
  courseId?: string;
  currentLessonId: string | null;
  sessionLessonId: string | null;
  onOpenHere(lessonId: string): void;
  onCreateInstant(title: string): void;
  onClose(): void;
};

const KINDS = ['class', 'homework', 'independent'] as const;
const STATUSES = ['completed', 'upcoming', 'not_scheduled'] as const;
type Kind = (typeof KINDS)[number];
type Status = (typeof STATUSES)[number];

export function LessonLibrary({
  enrollmentId,
  courseId,
  currentLessonId,
  sessionLessonId,
  onOpenHere,
  onCreateInstant,
  onClose,
}: Props) {
  const { t } = useTranslation('room');
  const [lessons, setLessons] = useState<LibraryLesson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [instantTitle, setInstantTitle] = useState('');

  useEffect(() => {
    api
      .get<unknown>(`/api/enrollments/${enrollmentId}/lessons`)
      .then((data) => setLessons(normalise(data, t('library.lesson'))))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.detail : t('library.loadFailed')));
  }, [enrollmentId, t]);

  const shown = useMemo(
    () =>
      (lessons ?? []).filter(
        (l) =>
          (!search || l.title.toLowerCase().includes(search.toLowerCase())) &&
          (!kind || l.kind === kind) &&
          (!status || l.status === status),
      ),
    [lessons, search, kind, status],
  );

  return (
    <aside className="library" aria-label={t('library.title')} data-testid="lesson-library">
      <header className="panel-head">
        <h2>{t('library.title')}</h2>
        <button type="button" className="link-btn" onClick={onClose} aria-label={t('library.close')}>
          ✕
        </button>
      </header>
      <div className="library-filters">
        <input
          type="search"
          placeholder={t('library.search')}
          aria-label={t('library.searchLabel')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="library-search"
        />
        <select
          aria-label={t('library.type')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          data-testid="library-type"
        >
          <option value="">{t('library.kind.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`library.kind.${k}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          data-testid="library-status"
        >
          <option value="">{t('library.state.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`library.state.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error && <p role="alert">{error}</p>}
      {!lessons && !error && <p className="muted">{t('library.loading')}</p>}
      {lessons && shown.length === 0 && <p className="muted">{t('library.noMatch')}</p>}
      <ul className="library-list">
        {shown.map((l) => {
          const isCurrent = l.id === (currentLessonId ?? sessionLessonId);
          return (
            <li key={l.id} className={isCurrent ? 'library-current' : undefined} data-testid="library-lesson">
              <div>
                <strong>{l.title}</strong>
                <span className="muted">
                  {' '}
                  {t(l.id === sessionLessonId ? 'library.metaSession' : 'library.meta', {
                    kind: kindLabel(t, l.kind),
                    status: statusLabel(t, l.status),
                  })}
                </span>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={isCurrent}
                  onClick={() => onOpenHere(l.id)}
                >
                  {isCurrent ? t('library.openNow') : t('library.openHere')}
                </button>
                <a
                  className="btn btn-small"
                  href={`/platform/enrollments/${enrollmentId}?lesson=${l.id}`}
                  target="_blank"
                  rel="noopener"
                >
                  {t('library.openNewTab')}
                </a>
                {courseId && (
                  <a
                    className="btn btn-small"
                    href={`/platform/courses/${courseId}/lessons/${l.id}/content`}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('library.editContentOf', { title: l.title })}
                  >
                    {t('library.editContent')}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <form
        className="library-instant"
        onSubmit={(e) => {
          e.preventDefault();
          const title = instantTitle.trim();
          if (!title) return;
          onCreateInstant(title);
          setInstantTitle('');
        }}
      >
        <label className="field">
          <span>{t('library.instant')}</span>
          <input
            value={instantTitle}
            maxLength={200}
            placeholder={t('library.instantExample')}
            onChange={(e) => setInstantTitle(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-small" disabled={!instantTitle.trim()}>
          {t('library.createInstant')}
        </button>
      </form>
    </aside>
  );
}

const label = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).replace(/_/g, ' ') : '');
/** A lesson's type and status as people read them (unknown ones as they come, capitalised). */
const kindLabel = (t: TFunction<'room'>, kind: string) =>
  (KINDS as readonly string[]).includes(kind) ? t(`library.kind.${kind as Kind}`) : label(kind);
const statusLabel = (t: TFunction<'room'>, status: string) =>
  (STATUSES as readonly string[]).includes(status) ? t(`library.state.${status as Status}`) : label(status);

/** Accepts `{ lessons: [...] }` or a bare list, with `id` or `lessonId` (`untitled` for a lesson without one). */
function normalise(data: unknown, untitled: string): LibraryLesson[] {
  const list = Array.isArray(data) ? data : ((data as { lessons?: unknown[] })?.lessons ?? []);
  return list.map((raw, i) => {
    const l = raw as Record<string, unknown>;
    return {
      id: String(l.id ?? l.lessonId ?? l.courseLessonId ?? i),
      title: String(l.title ?? l.name ?? untitled),
      kind: String(l.kind ?? l.type ?? 'class').toLowerCase(),
      status: String(l.status ?? 'upcoming').toLowerCase(),
      position: Number(l.position ?? i),
    };
  });
}
