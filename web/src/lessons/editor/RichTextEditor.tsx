// A text block in TipTap: headings, bold, italic and lists, saved as Markdown (the document's text format).
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import StarterKit from '@tiptap/starter-kit';
import { editorJsonToMarkdown, markdownToHtml } from '../markdown';

type Props = { markdown: string; onChange(markdown: string): void; label: string };

export function RichTextEditor({ markdown, onChange, label }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: false, codeBlock: false, horizontalRule: false, strike: false }),
    ],
    content: markdownToHtml(markdown),
    editorProps: {
      attributes: { class: 'rich-text', 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' },
    },
    onUpdate: ({ editor: e }) => onChange(editorJsonToMarkdown(e.getJSON())),
  });
  return (
    <div className="rich-text-editor">
      {editor && <Formatting editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Formatting({ editor }: { editor: Editor }) {
  const { t } = useTranslation('lessons');
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
    <div className="doc-toolbar" role="toolbar" aria-label={t('editor.format.toolbar')}>
      {button(
        t('editor.format.bold'),
        editor.isActive('bold'),
        () => chain().toggleBold().run(),
        t('editor.format.boldShort'),
      )}
      {button(
        t('editor.format.italic'),
        editor.isActive('italic'),
        () => chain().toggleItalic().run(),
        t('editor.format.italicShort'),
      )}
      {button(
        t('editor.format.heading'),
        editor.isActive('heading', { level: 2 }),
        () => chain().toggleHeading({ level: 2 }).run(),
        t('editor.format.headingShort'),
      )}
      {button(
        t('editor.format.bulletList'),
        editor.isActive('bulletList'),
        () => chain().toggleBulletList().run(),
        '•',
      )}
      {button(
        t('editor.format.numberedList'),
        editor.isActive('orderedList'),
        () => chain().toggleOrderedList().run(),
        '1.',
      )}
    </div>
  );
}
