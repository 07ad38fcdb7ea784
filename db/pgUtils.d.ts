// `pg`'s own conversion of a parameter to the text it sends (exported by the package, untyped by @types/pg).
declare module 'pg/lib/utils.js' {
  /** null for SQL NULL, a Buffer for bytes, otherwise the parameter's text as `pg` sends it. */
  export function prepareValue(value: unknown): string | Buffer | null;
}
