// The exercises with one answer to type or pick: word order (the words in their correct order, other accepted
// orders), true or false (a statement and whether it holds), and the essay (a prompt, word limits).
import type { FieldError } from '../../lib/api';
import type { EssayT, TrueFalseT, WordOrderT } from '../../../../contract/lessons';
import { ExerciseBasics } from './ExerciseBasics';
import { FieldErrors, ListInput, NumberInput, TextInput } from './Fields';

type Props<B> = { block: B; onChange(b: B): void; path: string; fields: FieldError[] };

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export function WordOrderEditor({ block, onChange, path, fields }: Props<WordOrderT>) {
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <ListInput
        label="The sentence in the correct order"
        value={block.words}
        parse={words}
        format={(w) => w.join(' ')}
        onChange={(w) => onChange({ ...block, words: w })}
        fields={fields}
        path={`${path}.words`}
        hint="Students get the words scrambled."
      />
      <ListInput
        label="Other accepted orders (one per line)"
        multiline
        value={block.alternatives.map((a) => a.join(' '))}
        parse={(t) =>
          t
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
        }
        format={(lines) => lines.join('\n')}
        onChange={(lines) =>
          onChange({ ...block, alternatives: lines.map(words).filter((a) => a.length > 0) })
        }
        fields={fields}
        path={`${path}.alternatives`}
      />
      <FieldErrors fields={fields} path={`${path}.alternatives`} deep />
    </div>
  );
}

export function TrueFalseEditor({ block, onChange, path, fields }: Props<TrueFalseT>) {
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <TextInput
        label="Statement"
        value={block.statement}
        onChange={(statement) => onChange({ ...block, statement })}
        fields={fields}
        path={`${path}.statement`}
      />
      <fieldset className="row-tight">
        <legend>The statement is</legend>
        {[true, false].map((v) => (
          <label key={String(v)} className="check">
            <input
              type="radio"
              name={`${path}-answer`}
              checked={block.answer === v}
              onChange={() => onChange({ ...block, answer: v })}
            />{' '}
            {v ? 'True' : 'False'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

export function EssayEditor({ block, onChange, path, fields }: Props<EssayT>) {
  return (
    <div>
      <ExerciseBasics block={block} onChange={onChange} path={path} fields={fields} />
      <TextInput
        label="Prompt"
        multiline
        value={block.prompt}
        onChange={(prompt) => onChange({ ...block, prompt })}
        fields={fields}
        path={`${path}.prompt`}
      />
      <div className="row-fields">
        <NumberInput
          label="Minimum words"
          min={0}
          value={block.minWords}
          onChange={(minWords) => onChange({ ...block, minWords })}
          fields={fields}
          path={`${path}.minWords`}
        />
        <NumberInput
          label="Maximum words"
          min={1}
          value={block.maxWords}
          onChange={(maxWords) => onChange({ ...block, maxWords })}
          fields={fields}
          path={`${path}.maxWords`}
        />
      </div>
    </div>
  );
}
