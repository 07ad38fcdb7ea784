// The lesson editor (teachers and admins): the lesson's text, vocabulary and exercises; Save (the server's field
// errors show next to their fields), a preview as the student sees it, export / import JSON, duplicate.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { Link } from '../../lib/router';
import { useAction, useApi } from '../../lib/useApi';
import { formatDateTime } from '../../lib/time';
import type { Course } from '../../lib/types';
import type { LessonContent, LessonDocument } from '../../../../contract/lessons';
import { PageHeader } from '../../ui/Layout';
import { ErrorBox, Loading } from '../../ui/feedback';
import { emptyDocument } from '../draft';
import { isFullDocument, toStudentView } from '../studentView';
import { LessonView } from '../view/LessonView';
import { DocumentForm } from './DocumentForm';
import { DuplicateLesson } from './DuplicateLesson';
import { ImportExport } from './ImportExport';
import '../lessons.css';

type Loaded = { content: LessonContent; etag: string | null };

export default function LessonEditorPage({ params }: { params: Record<string, string> }) {
  const { courseId, lessonId } = params as { courseId: string; lessonId: string };
  const { t } = useTranslation(['lessons', 'common']);
  const me = useMe();
  const path = `/api/courses/${courseId}/lessons/${lessonId}/content`;
  const course = useApi<Course>(`/api/courses/${courseId}`);
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [draft, setDraft] = useState<LessonDocument>(emptyDocument);
  const [version, setVersion] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  /** The revision just saved, for the 'Saved' notice. */
  const [saved, setSaved] = useState<number | null>(null);
  const save = useAction();

  const load = useCallback(
    async (replaceDraft: boolean) => {
      try {
        const { data, etag } = await api.getWithEtag<LessonContent>(path);
        setLoaded({ content: data, etag });
        if (replaceDraft && isFullDocument(data.document)) setDraft(data.document);
        else if (replaceDraft) setDraft({ ...emptyDocument(), ...(data.document as LessonDocument) });
        if (replaceDraft) setVersion((v) => v + 1);
      } catch (e) {
        setLoadError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      }
    },
    [path],
  );
  useEffect(() => void load(true), [load]);

  const lesson = course.data?.lessons.find((l) => l.id === lessonId);
  const change = (d: LessonDocument) => {
    setDraft(d);
    setDirty(true);
    setSaved(null);
  };
  const onSave = async () => {
    const headers: Record<string, string> = loaded?.etag ? { 'if-match': loaded.etag } : {};
    const result = await save.run(() => api.put<LessonContent>(path, draft, headers));
    if (!result) {
      // The first field the server refused gets the focus (its message is right under it).
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setDirty(false);
    setSaved(result.revision);
    await load(false);
  };

  if (loadError)
    return <ErrorBox error={loadError} onRetry={() => (setLoadError(undefined), void load(true))} />;
  if (!loaded || (course.loading && !course.data)) return <Loading />;
  const title = lesson?.title ?? t('editor.lesson');
  const fields = save.error?.status === 400 ? save.error.fields : [];
  return (
    <section className="lesson-editor">
      <p className="crumbs">
        <Link href={me.role === 'admin' ? '/platform/admin/courses' : '/platform/enrollments'}>
          ← {course.data?.name ?? t('editor.course')}
        </Link>
      </p>
      <PageHeader title={t('editor.title', { title })}>
        {loaded.content.revision === 0
          ? t('editor.notSaved')
          : loaded.content.updatedAt
            ? t('editor.revisionSaved', {
                revision: loaded.content.revision,
                date: formatDateTime(loaded.content.updatedAt, me.timeZone),
              })
            : t('editor.revision', { revision: loaded.content.revision })}
        {dirty && ` ${t('editor.unsaved')}`}
      </PageHeader>
      <div className="editor-bar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={save.pending}
          onClick={() => void onSave()}
        >
          {save.pending ? t('editor.saving') : t('action.save', { ns: 'common' })}
        </button>
        <button type="button" className="btn" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          {preview ? t('editor.backToEditing') : t('editor.preview')}
        </button>
        <ImportExport
          exportHref={`${path}/export`}
          fileName={`${title.replace(/[^\w-]+/g, '-')}.json`}
          onImport={(d) => (change(d), setVersion((v) => v + 1))}
        />
        {me.role === 'admin' && course.data && lesson && (
          <button type="button" className="btn" onClick={() => setDuplicating(true)}>
            {t('editor.duplicate.button')}
          </button>
        )}
        {saved !== null && (
          <span role="status" className="muted">
            {t('editor.saved', { revision: saved })}
          </span>
        )}
      </div>
      <ErrorBox error={save.error} />
      {preview ? (
        <div className="preview-frame" aria-label={t('editor.previewRegion')} role="region">
          <h2>{draft.title ?? title}</h2>
          <LessonView document={toStudentView(draft)} />
        </div>
      ) : (
        <DocumentForm key={version} document={draft} onChange={change} fields={fields} />
      )}
      {duplicating && course.data && lesson && (
        <DuplicateLesson
          course={course.data}
          lesson={lesson}
          document={draft}
          onClose={() => setDuplicating(false)}
        />
      )}
    </section>
  );
}
