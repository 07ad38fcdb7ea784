// The lesson documents as they were left, read-only: TipTap on a copy of the stored Yjs document, so headings,
// lists and emphasis look as they did in the room.
import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { useApi } from '../../lib/useApi';
import { Empty, ErrorBox, Loading } from '../../ui/feedback';

type LessonDocument = { doc: string; text: string; update: string };

export function DocumentRecord({ roomId }: { roomId: string }) {
  const docs = useApi<{ documents: LessonDocument[] }>(`/api/rooms/${roomId}/documents`);
  if (docs.error) return <ErrorBox error={docs.error} onRetry={docs.reload} />;
  if (!docs.data) return <Loading />;
  const written = docs.data.documents.filter((d) => d.text.trim() !== '');
  if (written.length === 0) return <Empty title="Nothing was written in the lesson document." />;
  return (
    <div className="stack">
      {written.map((d) => (
        <ReadOnlyDocument
          key={d.doc}
          document={d}
          title={d.doc === 'lesson' ? 'Session lesson' : 'Another lesson shown'}
        />
      ))}
    </div>
  );
}

function ReadOnlyDocument({ document, title }: { document: LessonDocument; title: string }) {
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
          'aria-label': `Lesson document: ${title}`,
          'data-testid': 'after-class-document',
        },
      },
    },
    [ydoc],
  );
  return (
    <section aria-label={title}>
      {title !== 'Session lesson' && <h3>{title}</h3>}
      <div className="doc doc-readonly">
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}
