// The lesson document in the editor: its title and pass mark, the blocks in order, and adding a block.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { Block, LessonDocument } from '../../../../contract/lessons';
import { BLOCK_TYPES, documentErrors, newBlock, type BlockType } from '../draft';
import { BlockEditor } from './BlockEditor';
import { NumberInput, TextInput } from './Fields';
import { useProblemText } from '../../ui/problemText';

type Props = { document: LessonDocument; onChange(d: LessonDocument): void; fields: FieldError[] };

export function DocumentForm({ document: doc, onChange, fields }: Props) {
  const { t } = useTranslation('lessons');
  const [adding, setAdding] = useState<BlockType>('text');
  // Stable keys, so a block's editor keeps its state when blocks move (the page remounts this on import).
  const next = useRef(doc.blocks.length);
  const [keys, setKeys] = useState(() => doc.blocks.map((_, i) => i));
  const setBlocks = (blocks: Block[], newKeys = keys) => {
    setKeys(newKeys);
    onChange({ ...doc, blocks });
  };
  const swap = <T,>(list: T[], i: number, j: number) => {
    const out = [...list];
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  };
  const problems = useProblemText();
  const general = documentErrors(fields, t('editor.document.whole'), problems.message, problems.name);
  return (
    <div>
      <div className="card row-fields">
        <TextInput
          label={t('editor.document.title')}
          value={doc.title ?? ''}
          onChange={(title) => onChange({ ...doc, title: title || undefined })}
          fields={fields}
          path="title"
        />
        <NumberInput
          label={t('editor.document.passMark')}
          min={0}
          max={100}
          value={doc.passMark}
          onChange={(passMark) => onChange({ ...doc, passMark: passMark ?? 60 })}
          fields={fields}
          path="passMark"
        />
      </div>
      {general.length > 0 && (
        <ul className="field-errors" role="alert">
          {general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
      {doc.blocks.length === 0 && <p className="muted">{t('editor.document.empty')}</p>}
      <div className="lesson-editor-blocks">
        {doc.blocks.map((block, i) => (
          <BlockEditor
            key={keys[i] ?? `extra-${i}`}
            block={block}
            index={i}
            count={doc.blocks.length}
            fields={fields}
            onChange={(b) => setBlocks(doc.blocks.map((x, j) => (j === i ? b : x)))}
            onMove={(by) => setBlocks(swap(doc.blocks, i, i + by), swap(keys, i, i + by))}
            onRemove={() =>
              setBlocks(
                doc.blocks.filter((_, j) => j !== i),
                keys.filter((_, j) => j !== i),
              )
            }
          />
        ))}
      </div>
      <div className="add-block">
        <label className="field">
          <span>{t('editor.document.newBlock')}</span>
          <select value={adding} onChange={(e) => setAdding(e.target.value as BlockType)}>
            {BLOCK_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`blockType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() =>
            setBlocks([...doc.blocks, newBlock(adding, doc, t('vocabularyTitle'))], [...keys, next.current++])
          }
        >
          {t('editor.document.addBlock')}
        </button>
      </div>
    </div>
  );
}
