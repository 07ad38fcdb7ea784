// The Lesson Library (individual sessions): every lesson of the student's enrollment, searchable and filtered by
// type and status. "Open Here" switches the shared content while the call goes on; "Open in New Tab" only looks.
import { useEffect, useMemo, useState } from 'react';
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

const KINDS = [
  ['', 'All types'],
  ['class', 'Class'],
  ['homework', 'Homework'],
  ['independent', 'Independent'],
] as const;
const STATUSES = [
  ['', 'Any status'],
  ['completed', 'Completed'],
  ['upcoming', 'Upcoming'],
  ['not_scheduled', 'Not scheduled'],
] as const;

export function LessonLibrary({
  enrollmentId,
  courseId,
  currentLessonId,
  sessionLessonId,
  onOpenHere,
  onCreateInstant,
  onClose,
}: Props) {
  const [lessons, setLessons] = useState<LibraryLesson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [instantTitle, setInstantTitle] = useState('');

  useEffect(() => {
    api
      .get<unknown>(`/api/enrollments/${enrollmentId}/lessons`)
      .then((data) => setLessons(normalise(data)))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.detail : 'The lessons could not be loaded.'));
  }, [enrollmentId]);

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
    <aside className="library" aria-label="Lesson Library" data-testid="lesson-library">
      <header className="panel-head">
        <h2>Lesson Library</h2>
        <button type="button" className="link-btn" onClick={onClose} aria-label="Close the Lesson Library">
          ✕
        </button>
      </header>
      <div className="library-filters">
        <input
          type="search"
          placeholder="Search lessons"
          aria-label="Search lessons by name"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="library-search"
        />
        <select
          aria-label="Lesson type"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          data-testid="library-type"
        >
          {KINDS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
        <select
          aria-label="Lesson status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          data-testid="library-status"
        >
          {STATUSES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {error && <p role="alert">{error}</p>}
      {!lessons && !error && <p className="muted">Loading lessons…</p>}
      {lessons && shown.length === 0 && <p className="muted">No lesson matches.</p>}
      <ul className="library-list">
        {shown.map((l) => {
          const isCurrent = l.id === (currentLessonId ?? sessionLessonId);
          return (
            <li key={l.id} className={isCurrent ? 'library-current' : undefined} data-testid="library-lesson">
              <div>
                <strong>{l.title}</strong>
                <span className="muted">
                  {' '}
                  · {label(l.kind)} · {label(l.status)}
                  {l.id === sessionLessonId ? ' · session lesson' : ''}
                </span>
              </div>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={isCurrent}
                  onClick={() => onOpenHere(l.id)}
                >
                  {isCurrent ? 'Open now' : 'Open Here'}
                </button>
                <a
                  className="btn btn-small"
                  href={`/platform/enrollments/${enrollmentId}?lesson=${l.id}`}
                  target="_blank"
                  rel="noopener"
                >
                  Open in New Tab
                </a>
                {courseId && (
                  <a
                    className="btn btn-small"
                    href={`/platform/courses/${courseId}/lessons/${l.id}/content`}
                    target="_blank"
                    rel="noopener"
                    aria-label={`Edit content of ${l.title}`}
                  >
                    Edit content
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
          const t = instantTitle.trim();
          if (!t) return;
          onCreateInstant(t);
          setInstantTitle('');
        }}
      >
        <label className="field">
          <span>Instant lesson (only for this session)</span>
          <input
            value={instantTitle}
            maxLength={200}
            placeholder="Warm-up: weekend plans"
            onChange={(e) => setInstantTitle(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-small" disabled={!instantTitle.trim()}>
          Create Instant Lesson
        </button>
      </form>
    </aside>
  );
}

const label = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).replace(/_/g, ' ') : '');

/** Accepts `{ lessons: [...] }` or a bare list, with `id` or `lessonId`. */
function normalise(data: unknown): LibraryLesson[] {
  const list = Array.isArray(data) ? data : ((data as { lessons?: unknown[] })?.lessons ?? []);
  return list.map((raw, i) => {
    const l = raw as Record<string, unknown>;
    return {
      id: String(l.id ?? l.lessonId ?? l.courseLessonId ?? i),
      title: String(l.title ?? l.name ?? 'Lesson'),
      kind: String(l.kind ?? l.type ?? 'class').toLowerCase(),
      status: String(l.status ?? 'upcoming').toLowerCase(),
      position: Number(l.position ?? i),
    };
  });
}
