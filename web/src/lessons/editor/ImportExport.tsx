// Export the saved lesson as JSON (schemaVersion 1) and import a JSON file into the editor (then Save).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonDocument } from '../../../../contract/lessons';

type Props = { exportHref: string; fileName: string; onImport(d: LessonDocument): void };

export function ImportExport({ exportHref, fileName, onImport }: Props) {
  const { t } = useTranslation('lessons');
  const id = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const read = async (file: File) => {
    try {
      const parsed = JSON.parse(await file.text()) as Partial<LessonDocument>;
      if (parsed.schemaVersion !== 1 || !Array.isArray(parsed.blocks))
        throw new Error(t('editor.importExport.notAnExport'));
      onImport({ passMark: 60, ...parsed } as LessonDocument);
      setMessage({
        ok: true,
        text: t('editor.importExport.imported', { count: parsed.blocks.length, file: file.name }),
      });
    } catch (e) {
      setMessage({
        ok: false,
        text: t('editor.importExport.failed', { reason: e instanceof Error ? e.message : String(e) }),
      });
    }
  };
  return (
    <>
      <a className="btn" href={exportHref} download={fileName}>
        {t('editor.importExport.export')}
      </a>
      <label className="btn" htmlFor={id}>
        {t('editor.importExport.import')}
      </label>
      <input
        id={id}
        className="sr-only"
        type="file"
        accept="application/json,.json"
        aria-label={t('editor.importExport.import')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void read(file);
          e.target.value = '';
        }}
      />
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'field-errors'}>
          {message.text}
        </span>
      )}
    </>
  );
}
