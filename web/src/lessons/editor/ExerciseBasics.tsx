// What every exercise has: its id (used by answers), instructions and points.
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { Exercise } from '../../../../contract/lessons';
import { NumberInput, TextInput } from './Fields';

type Props<E extends Exercise> = { block: E; onChange(b: E): void; path: string; fields: FieldError[] };

export function ExerciseBasics<E extends Exercise>({ block, onChange, path, fields }: Props<E>) {
  const { t } = useTranslation('lessons');
  return (
    <div className="row-fields">
      <TextInput
        label={t('editor.exercise.instructions')}
        value={block.instructions}
        onChange={(instructions) => onChange({ ...block, instructions })}
        fields={fields}
        path={`${path}.instructions`}
      />
      <NumberInput
        label={t('editor.exercise.points')}
        min={1}
        max={100}
        value={block.points}
        onChange={(points) => onChange({ ...block, points: points ?? 1 })}
        fields={fields}
        path={`${path}.points`}
      />
      <TextInput
        label={t('editor.exercise.id')}
        value={block.id}
        onChange={(id) => onChange({ ...block, id })}
        fields={fields}
        path={`${path}.id`}
        hint={t('editor.exercise.idHint')}
      />
    </div>
  );
}
