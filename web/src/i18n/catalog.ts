// The shape of a translated catalogue: every key of the English one, each a string, so tsc reports a German or
// Ukrainian catalogue that misses a key. Plural forms English does not have (Ukrainian "_few", "_many") may be added.
type PluralExtra = `${string}_${'zero' | 'two' | 'few' | 'many'}`;

export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
} & { [key: PluralExtra]: string };
