// A vocabulary list: a title and rows of term, translation, example and part of speech.
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../lib/api';
import type { PartOfSpeechT, VocabularyBlockT } from '../../../../contract/lessons';
import { PARTS_OF_SPEECH } from '../draft';
import { FieldErrors, RemoveButton, TextInput } from './Fields';

type Props = {
  block: VocabularyBlockT;
  onChange(b: VocabularyBlockT): void;
  path: string;
  fields: FieldError[];
};
type Item = VocabularyBlockT['items'][number];

export function VocabularyEditor({ block, onChange, path, fields }: Props) {
  const { t } = useTranslation('lessons');
  const setItem = (i: number, patch: Partial<Item>) =>
    onChange({ ...block, items: block.items.map((it, j) => (j === i ? { ...it, ...patch } : it)) });
  return (
    <div>
      <TextInput
        label={t('editor.vocabulary.title')}
        value={block.title ?? ''}
        onChange={(title) => onChange({ ...block, title })}
        fields={fields}
        path={`${path}.title`}
      />
      <table className="table vocab-edit">
        <thead>
          <tr>
            <th scope="col">{t('editor.vocabulary.term')}</th>
            <th scope="col">{t('editor.vocabulary.translation')}</th>
            <th scope="col">{t('editor.vocabulary.example')}</th>
            <th scope="col">{t('editor.vocabulary.partOfSpeech')}</th>
            <th scope="col">
              <span className="sr-only">{t('editor.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {block.items.map((item, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t('editor.vocabulary.termN', { number: i + 1 })}
                  value={item.term}
                  onChange={(e) => setItem(i, { term: e.target.value })}
                />
                <FieldErrors fields={fields} path={`${path}.items.${i}.term`} />
              </td>
              <td>
                <input
                  aria-label={t('editor.vocabulary.translationN', { number: i + 1 })}
                  value={item.translation}
                  onChange={(e) => setItem(i, { translation: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('editor.vocabulary.exampleN', { number: i + 1 })}
                  value={item.example}
                  onChange={(e) => setItem(i, { example: e.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={t('editor.vocabulary.partOfSpeechN', { number: i + 1 })}
                  value={item.partOfSpeech ?? ''}
                  onChange={(e) =>
                    setItem(i, { partOfSpeech: (e.target.value || undefined) as PartOfSpeechT | undefined })
                  }
                >
                  <option value="">—</option>
                  {PARTS_OF_SPEECH.map((p) => (
                    <option key={p} value={p}>
                      {t(`partOfSpeech.${p}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <RemoveButton
                  label={t('editor.vocabulary.removeTerm', { number: i + 1 })}
                  disabled={block.items.length === 1}
                  onClick={() => onChange({ ...block, items: block.items.filter((_, j) => j !== i) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldErrors fields={fields} path={`${path}.items`} />
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange({ ...block, items: [...block.items, { term: '', translation: '', example: '' }] })
        }
      >
        {t('editor.vocabulary.addTerm')}
      </button>
    </div>
  );
}
