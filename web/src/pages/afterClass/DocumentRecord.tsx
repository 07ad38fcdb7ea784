// The lesson documents as they were left, read-only: TipTap on a copy of the stored Yjs document, so headings,
// lists and emphasis look as they did in the room.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { useApi } from '../../lib/useApi';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

type LessonDocument = { doc: string; text: string; update: string };

export function DocumentRecord({ roomId }: { roomId: string }) {
  const { t } = useTranslation('completion');
  const docs = useApi<{ documents: LessonDocument[] }>(`/api/rooms/${roomId}/documents`);
  if (docs.error) return <ErrorBox error={docs.error} onRetry={docs.reload} />;
  if (!docs.data) return <Loading />;
  const written = docs.data.documents.filter((d) => d.text.trim() !== '');
  if (written.length === 0) return <Empty title={t('afterClass.noDocument')} />;
  return (
    <div className="stack">
      {written.map((d) => (
        <ReadOnlyDocument
          key={d.doc}
          document={d}
          main={d.doc === 'lesson'}
          title={d.doc === 'lesson' ? t('afterClass.sessionLesson') : t('afterClass.otherLesson')}
        />
      ))}
    </div>
  );
}

function ReadOnlyDocument({
  document,
  main,
  title,
}: {
  document: LessonDocument;
  main: boolean;
  title: string;
}) {
  const { t } = useTranslation('completion');
  const ydoc = useMemo(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      Uint8Array.from(atob(document.update), (c) => c.charCodeAt(0)),
    );
    return doc;
  }, [document.update]);
  useEffect(() => () => ydoc.destroy(), [ydoc]);
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: ydoc, field: 'default' }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          class: 'doc-body',
          'aria-label': t('afterClass.document', { title }),
          'data-testid': 'after-class-document',
        },
      },
    },
    [ydoc, title],
  );
  return (
    <section aria-label={title}>
      {!main && <h3>{title}</h3>}
      <div className="doc doc-readonly">
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}
