// The shared lesson document: TipTap bound to a Yjs document the gateway relays and stores. Everyone sees edits
// live with each other's carets; a student edits only while the teacher allows it, and the mode switches at once.
import { useEffect, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { SharedDoc } from '../rt/yjsProvider';

type Props = {
  shared: SharedDoc;
  editable: boolean;
  user: { name: string; color: string };
  title: string;
};

export function LessonDocument({ shared, editable, user, title }: Props) {
  const [restored, setRestored] = useState(shared.synced);
  useEffect(() => shared.onSynced(() => setRestored(true)), [shared]);

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: shared.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: { awareness: shared.awareness }, user }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'doc-body',
          'aria-label': `Lesson document: ${title}`,
          'data-testid': 'lesson-editor',
        },
      },
    },
    [shared],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div
      className={`doc ${editable ? 'doc-editable' : 'doc-readonly'}`}
      data-testid="lesson-document"
      data-mode={editable ? 'edit' : 'view'}
    >
      <div className="doc-toolbar" role="toolbar" aria-label="Formatting">
        {editable && editor ? <Formatting editor={editor} /> : <span className="muted">View only</span>}
        {!restored && <span className="muted">Loading the document…</span>}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}

function Formatting({ editor }: { editor: Editor }) {
  const button = (label: string, active: boolean, run: () => void, text: string) => (
    <button
      type="button"
      className={`fmt ${active ? 'fmt-on' : ''}`}
      aria-label={label}
      aria-pressed={active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const chain = () => editor.chain().focus();
  return (
    <>
      {button('Bold', editor.isActive('bold'), () => chain().toggleBold().run(), 'B')}
      {button('Italic', editor.isActive('italic'), () => chain().toggleItalic().run(), 'I')}
      {button(
        'Heading',
        editor.isActive('heading', { level: 2 }),
        () => chain().toggleHeading({ level: 2 }).run(),
        'H',
      )}
      {button('Bullet list', editor.isActive('bulletList'), () => chain().toggleBulletList().run(), '•')}
      {button('Numbered list', editor.isActive('orderedList'), () => chain().toggleOrderedList().run(), '1.')}
    </>
  );
}
