// The web client words a missing resource, a refusal and a field's problem by their codes (web/src/i18n/catalogs/
// problems): every `resource` a NotFoundError names and every `reason` a ForbiddenError gives anywhere in the
// server, and every field code the server sends, must be in the English, German and Ukrainian catalogues. Reads
// the server's `new NotFoundError(resource, ...)` / `new ForbiddenError(reason, ...)` calls to check it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import en from '../../web/src/i18n/catalogs/problems/en.js';
import {
  FORBIDDEN_REASONS,
  NOT_FOUND_RESOURCES,
  ValidationError,
  fieldProblemOf,
} from '../../domain/shared/errors.js';
import { parseLessonDocument } from '../../domain/lessonContent/document.js';
import { z } from 'zod';
// German, Ukrainian and the client's wording import the web client's extensionless paths, which the server's
// type check (nodenext) refuses: they are loaded at run time.
const catalogue = (language: string) =>
  import(`../../web/src/i18n/catalogs/problems/${language}.ts`).then(
    (m: { default: typeof en }) => m.default,
  );
const catalogues = { en, de: await catalogue('de'), uk: await catalogue('uk') };
type Wording = { key: string; values: Record<string, unknown> };
type Field = { path: string; message: string; code?: string; [param: string]: unknown };
const wordingModule = '../../web/src/ui/problemText.ts';
const { fieldWording } = (await import(wordingModule)) as { fieldWording(f: Field): Wording | null };

const root = new URL('../..', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });

type Site = { details: string[]; at: string };
const raised = { NotFoundError: new Map<string, Site[]>(), ForbiddenError: new Map<string, Site[]>() };
const dynamic: string[] = [];
/** Our own field problems: an object literal with a path, a message and a literal `code`; its literal values. */
const fieldCodes = new Map<string, { at: string; params: Record<string, string> }>();
const SERVER = ['domain', 'commands', 'api', 'auth', 'realtime', 'projections', 'mail', 'main'];
for (const file of SERVER.flatMap((d) => files(join(root, d)))) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const at = (n: ts.Node) =>
    `${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    const name = ts.isNewExpression(n) ? n.expression.getText() : '';
    if (ts.isNewExpression(n) && (name === 'NotFoundError' || name === 'ForbiddenError')) {
      const [code, , details] = n.arguments ?? [];
      if (!code || !ts.isStringLiteral(code)) dynamic.push(`${name} at ${at(n)}`);
      else {
        const keys =
          details && ts.isObjectLiteralExpression(details)
            ? details.properties.map((p) => p.name?.getText() ?? '')
            : [];
        const sites = raised[name].get(code.text) ?? [];
        sites.push({ details: keys, at: at(n) });
        raised[name].set(code.text, sites);
      }
    }
    if (ts.isObjectLiteralExpression(n)) {
      const props = new Map(
        n.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(), p.initializer] as const),
      );
      const code = props.get('code');
      if (props.has('path') && props.has('message') && code && ts.isStringLiteral(code)) {
        const params: Record<string, string> = {};
        for (const [key, value] of props) if (ts.isStringLiteral(value)) params[key] = value.text;
        fieldCodes.set(`${code.text} ${JSON.stringify(params)}`, { at: at(n), params });
      }
      // A refinement's own rule: `params: { rule: '...', ...values }` becomes the field's code.
      const rule = props.get('rule');
      const parent = n.parent;
      if (
        rule &&
        ts.isStringLiteral(rule) &&
        ts.isPropertyAssignment(parent) &&
        parent.name.getText() === 'params'
      )
        fieldCodes.set(`rule ${rule.text}`, { at: at(n), params: { code: rule.text } });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

const pluralOf = (key: string) => new RegExp(`^${key}_(zero|one|two|few|many|other)$`);

/** The catalogue's sentences for `key` under `section`: the key itself, or its plural forms. */
function sentences(section: Record<string, unknown>, key: string): string[] {
  const plain = section[key];
  if (typeof plain === 'string') return [plain];
  if (plain && typeof plain === 'object') return Object.values(plain).filter((v) => typeof v === 'string');
  return Object.entries(section)
    .filter(([k]) => pluralOf(key).test(k))
    .map(([, v]) => String(v));
}

test('every NotFoundError and ForbiddenError names its resource or reason as a literal', () => {
  assert.ok(raised.NotFoundError.size > 25, 'the not-found sites were found');
  assert.ok(raised.ForbiddenError.size > 10, 'the forbidden sites were found');
  assert.equal(dynamic, [], `not a literal code:\n${dynamic.join('\n')}`);
});

test('the lists the compiler holds raise sites to are the codes raised, and each is worded everywhere', () => {
  // A code listed but raised nowhere is a sentence nobody reads; one raised but not listed does not compile.
  assert.equal([...raised.NotFoundError.keys()].sort(), [...NOT_FOUND_RESOURCES].sort());
  assert.equal([...raised.ForbiddenError.keys()].sort(), [...FORBIDDEN_REASONS].sort());
  for (const [language, c] of Object.entries(catalogues)) {
    for (const code of NOT_FOUND_RESOURCES)
      assert.ok(sentences(c.notFound, code).length > 0, `${language}: notFound.${code}`);
    for (const code of FORBIDDEN_REASONS)
      assert.ok(sentences(c.forbidden, code).length > 0, `${language}: forbidden.${code}`);
  }
});

for (const [language, c] of Object.entries(catalogues)) {
  test(`every resource and reason the server raises is worded in ${language}`, () => {
    const missing: string[] = [];
    const plurals = language === 'uk' ? ['one', 'few', 'many', 'other'] : ['one', 'other'];
    for (const [kind, section, key] of [
      ['NotFoundError', c.notFound, 'notFound'],
      ['ForbiddenError', c.forbidden, 'forbidden'],
    ] as const)
      for (const [code, sites] of raised[kind]) {
        const words = sentences(section, code);
        if (words.length === 0) missing.push(`${key}.${code} (raised at ${sites[0]!.at})`);
        const forms = Object.keys(section).filter((k) => pluralOf(code).test(k));
        if (forms.length > 0)
          for (const p of plurals)
            if (!forms.includes(`${code}_${p}`)) missing.push(`${key}.${code}_${p} (plural form)`);
        // A value in the sentence is a field of the problem at some site (count comes from the ids).
        for (const name of words.flatMap((w) => [...w.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))
          if (name !== 'count' && !sites.some((s) => s.details.includes(name)))
            missing.push(`${key}.${code}: {{${name}}} is in no problem raised`);
      }
    assert.equal(missing, [], `missing from problems/${language}:\n${missing.join('\n')}`);
  });
}

test('every field code the server sends has a sentence in every language', () => {
  assert.ok(fieldCodes.size > 5, 'our own field codes were found');
  assert.ok(fieldCodes.has('rule no_correct_option'), 'the refinements’ rules were found');
  // Zod's: a sample of each kind of issue, as api/errors.ts and parseLessonDocument report them.
  const Sample = z
    .object({
      title: z.string().min(1).max(5),
      tags: z.array(z.string()).min(2).max(3),
      count: z.number().int().min(1).max(9),
      ratio: z.number().positive(),
      kind: z.enum(['a', 'b']),
      email: z.email(),
      day: z.iso.date(),
      name: z.string(),
      odd: z.number().multipleOf(2),
      check: z.string().refine(() => false, 'never'),
    })
    .strict();
  const zodIssues = [
    {
      title: '',
      tags: ['x'],
      count: 0,
      ratio: 0,
      kind: 'c',
      email: 'x',
      day: 'x',
      odd: 3,
      check: '',
      extra: 1,
    },
    {
      title: 'toolong',
      tags: ['a', 'b', 'c', 'd'],
      count: 10,
      ratio: 1,
      kind: 'a',
      email: 'a@b.c',
      day: '2031-01-01',
      name: 1,
      odd: 2,
      check: '',
    },
  ].flatMap((input) => Sample.safeParse(input).error!.issues);
  const codes = new Set(zodIssues.map((i) => i.code));
  for (const code of [
    'too_small',
    'too_big',
    'invalid_type',
    'invalid_value',
    'invalid_format',
    'unrecognized_keys',
    'custom',
    'not_multiple_of',
  ])
    assert.ok(codes.has(code as never), `the sample raises ${code}`);
  const fields: Field[] = [
    ...zodIssues.map((issue) => fieldProblemOf(`body.${issue.path.join('.')}`, issue)),
    ...[...fieldCodes.values()].map(({ params, at }) => ({ ...params, path: 'body.x', message: at })),
    { path: 'body.x', message: 'x', code: 'too_big', origin: 'bytes', maximum: 10 },
    { path: 'body.x', message: 'x', code: 'invalid_type', expected: 'string', received: 'number' },
  ];
  const missing: string[] = [];
  for (const f of fields) {
    const wording = fieldWording(f);
    if (!wording) missing.push(`${f.path} ${f.code}: no wording`);
    for (const [language, c] of Object.entries(catalogues)) {
      const [, ...path] = wording!.key.split('.');
      let section: Record<string, unknown> = c.field;
      for (const p of path.slice(0, -1)) section = (section[p] ?? {}) as Record<string, unknown>;
      if (sentences(section, path.at(-1)!).length === 0)
        missing.push(`${language}: ${wording!.key} (${f.code} at ${f.message})`);
    }
  }
  assert.equal(missing, [], `field codes without a sentence:\n${missing.join('\n')}`);
});

test('a field problem carries zod’s code and parameters beside its English message', () => {
  const issue = z.object({ title: z.string().max(200) }).safeParse({ title: 'x'.repeat(201) }).error!
    .issues[0]!;
  const field = fieldProblemOf('body.title', issue);
  assert.equal(field, {
    path: 'body.title',
    message: issue.message,
    code: 'too_big',
    origin: 'string',
    maximum: 200,
    inclusive: true,
  });
  assert.equal(fieldWording(field), {
    key: 'field.too_big.string',
    values: { origin: 'string', maximum: 200, inclusive: true, count: 200 },
  });
  const missingValue = z.object({ title: z.string() }).safeParse({}).error!.issues[0]!;
  assert.is(fieldProblemOf('body.title', missingValue).received, 'undefined');
  assert.is(fieldWording(fieldProblemOf('body.title', missingValue))!.key, 'field.invalid_type.required');
  assert.instance(new ValidationError('x', [field]), ValidationError);
});

test('a refinement of ours is worded by its rule, with its values', () => {
  let error: unknown;
  try {
    parseLessonDocument({
      schemaVersion: 1,
      blocks: [
        {
          type: 'gapFill',
          id: 'g1',
          points: 1,
          sentences: [{ text: 'I {{}} here {{}}.', gaps: [{ accepted: ['live'] }] }],
        },
      ],
    });
  } catch (e) {
    error = e;
  }
  const { fields } = (error as ValidationError).details as { fields?: Field[] };
  const field = fields?.find((f) => f.code === 'gap_count_mismatch');
  assert.ok(field, JSON.stringify((error as ValidationError).details));
  assert.equal(fieldWording(field!), {
    key: 'field.gap_count_mismatch',
    values: { marks: 2, gaps: 1 },
  });
});

test.run();
