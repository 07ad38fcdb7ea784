// A matching exercise: pairs of a left and a right item; students see the right items scrambled.
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { MatchingT } from '../../../../contract/lessons';
import { nextId } from '../draft';
import { ExerciseBasics } from './ExerciseBasics';
import { FieldErrors, RemoveButton } from './Fields';

type Props = { block: MatchingT; onChange(b: MatchingT): void; path: string; fields: FieldError[] };
type Pair = MatchingT['pairs'][number];

export function MatchingEditor({ block, onChange, path, fields }: Props) {
  const { t } = useTranslation('lessons');
  const setPair = (id: string, patch: Partial<Pair>) =>
    onChange({ ...block, pairs: block.pairs.map((p) => (p.id === id ? { ...p, ...patch } : p)) });
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('editor.matching.left')}</th>
            <th scope="col">{t('editor.matching.right')}</th>
            <th scope="col">
              <span className="sr-only">{t('editor.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {block.pairs.map((p, i) => (
            <tr key={p.id}>
              <td>
                <input
                  aria-label={t('editor.matching.pairLeft', { number: i + 1 })}
                  value={p.left}
                  onChange={(e) => setPair(p.id, { left: e.target.value })}
                />
                <FieldErrors fields={fields} path={`${path}.pairs.${i}.left`} />
              </td>
              <td>
                <input
                  aria-label={t('editor.matching.pairRight', { number: i + 1 })}
                  value={p.right}
                  onChange={(e) => setPair(p.id, { right: e.target.value })}
                />
                <FieldErrors fields={fields} path={`${path}.pairs.${i}.right`} />
              </td>
              <td>
                <RemoveButton
                  label={t('editor.matching.removePair', { number: i + 1 })}
                  disabled={block.pairs.length <= 2}
                  onClick={() => onChange({ ...block, pairs: block.pairs.filter((x) => x.id !== p.id) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldErrors fields={fields} path={`${path}.pairs`} />
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange({
            ...block,
            pairs: [
              ...block.pairs,
              {
                id: nextId(
                  block.pairs.map((p) => p.id),
                  'p',
                ),
                left: '',
                right: '',
              },
            ],
          })
        }
      >
        {t('editor.matching.addPair')}
      </button>
    </div>
  );
}
