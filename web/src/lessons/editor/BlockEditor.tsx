// One block of the lesson in the editor: its type, the form for that type, and moving or removing it.
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { Block } from '../../../../contract/lessons';
import { FieldErrors } from './Fields';
import { RichTextEditor } from './RichTextEditor';
import { VocabularyEditor } from './VocabularyEditor';
import { MultipleChoiceEditor } from './MultipleChoiceEditor';
import { GapFillEditor } from './GapFillEditor';
import { MatchingEditor } from './MatchingEditor';
import { EssayEditor, TrueFalseEditor, WordOrderEditor } from './OpenExerciseEditors';

type Props = {
  block: Block;
  index: number;
  count: number;
  fields: FieldError[];
  onChange(block: Block): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
};

export function BlockEditor({ block, index, count, fields, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation('lessons');
  const path = `blocks.${index}`;
  const number = index + 1;
  const title = t('editor.block.title', { number, type: t(`blockType.${block.type}`) });
  const props = { path, fields };
  return (
    <section className="card block-edit" aria-label={title} data-testid="block-editor" data-type={block.type}>
      <div className="card-head">
        <h2>{title}</h2>
        <div className="row-tight">
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('editor.block.moveUp', { number })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('editor.block.moveDown', { number })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={onRemove}>
            {t('editor.block.remove', { number })}
          </button>
        </div>
      </div>
      {block.type === 'text' && (
        <RichTextEditor
          label={t('editor.block.text', { number })}
          markdown={block.text}
          onChange={(text) => onChange({ ...block, text })}
        />
      )}
      {block.type === 'vocabulary' && <VocabularyEditor block={block} onChange={onChange} {...props} />}
      {block.type === 'multipleChoice' && (
        <MultipleChoiceEditor block={block} onChange={onChange} {...props} />
      )}
      {block.type === 'gapFill' && <GapFillEditor block={block} onChange={onChange} {...props} />}
      {block.type === 'matching' && <MatchingEditor block={block} onChange={onChange} {...props} />}
      {block.type === 'wordOrder' && <WordOrderEditor block={block} onChange={onChange} {...props} />}
      {block.type === 'trueFalse' && <TrueFalseEditor block={block} onChange={onChange} {...props} />}
      {block.type === 'essay' && <EssayEditor block={block} onChange={onChange} {...props} />}
      <FieldErrors fields={fields} path={path} />
      {block.type === 'text' && <FieldErrors fields={fields} path={`${path}.text`} />}
    </section>
  );
}
