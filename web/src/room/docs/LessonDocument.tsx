// The shared lesson document: TipTap bound to a Yjs document the gateway relays and stores. Everyone sees edits
// live with each other's carets; a student edits only while the teacher allows it, and the mode switches at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('room');
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
          'aria-label': t('doc.label', { title }),
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
      <div className="doc-toolbar" role="toolbar" aria-label={t('doc.formatting')}>
        {editable && editor ? (
          <Formatting editor={editor} />
        ) : (
          <span className="muted">{t('doc.viewOnly')}</span>
        )}
        {!restored && <span className="muted">{t('doc.loading')}</span>}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}

function Formatting({ editor }: { editor: Editor }) {
  const { t } = useTranslation('room');
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
      {button(t('doc.bold'), editor.isActive('bold'), () => chain().toggleBold().run(), t('doc.boldKey'))}
      {button(
        t('doc.italic'),
        editor.isActive('italic'),
        () => chain().toggleItalic().run(),
        t('doc.italicKey'),
      )}
      {button(
        t('doc.heading'),
        editor.isActive('heading', { level: 2 }),
        () => chain().toggleHeading({ level: 2 }).run(),
        t('doc.headingKey'),
      )}
      {button(
        t('doc.bulletList'),
        editor.isActive('bulletList'),
        () => chain().toggleBulletList().run(),
        '•',
      )}
      {button(
        t('doc.numberedList'),
        editor.isActive('orderedList'),
        () => chain().toggleOrderedList().run(),
        '1.',
      )}
    </>
  );
}
