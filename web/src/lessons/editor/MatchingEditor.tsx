// A matching exercise: pairs of a left and a right item; students see the right items scrambled.
import type { FieldError } from '../../lib/api';
import type { MatchingT } from '../../../../contract/lessons';
import { nextId } from '../draft';
import { ExerciseBasics } from './ExerciseBasics';
import { FieldErrors, RemoveButton } from './Fields';

type Props = { block: MatchingT; onChange(b: MatchingT): void; path: string; fields: FieldError[] };
type Pair = MatchingT['pairs'][number];

export function MatchingEditor({ block, onChange, path, fields }: Props) {
  const setPair = (id: string, patch: Partial<Pair>) =>
    onChange({ ...block, pairs: block.pairs.map((p) => (p.id === id ? { ...p, ...patch } : p)) });
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Left</th>
            <th scope="col">Matches (right)</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {block.pairs.map((p, i) => (
            <tr key={p.id}>
              <td>
                <input
                  aria-label={`Pair ${i + 1} left`}
                  value={p.left}
                  onChange={(e) => setPair(p.id, { left: e.target.value })}
                />
                <FieldErrors fields={fields} path={`${path}.pairs.${i}.left`} />
              </td>
              <td>
                <input
                  aria-label={`Pair ${i + 1} right`}
                  value={p.right}
                  onChange={(e) => setPair(p.id, { right: e.target.value })}
                />
                <FieldErrors fields={fields} path={`${path}.pairs.${i}.right`} />
              </td>
              <td>
                <RemoveButton
                  label={`Remove pair ${i + 1}`}
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
        + Add pair
      </button>
    </div>
  );
}
