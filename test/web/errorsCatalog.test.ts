// The web client words a refused business rule by its code (web/src/i18n/catalogs/errors): every code the server
// raises must be there, its English exactly what the server says for that code (one sentence per code), with
// placeholders only for values the problem carries. Reads the server's `new RuleViolation(code, message, details)`
// calls to check it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import en from '../../web/src/i18n/catalogs/errors/en.js';
import { pluralField } from '../../web/src/i18n/rulePlurals.js';
// German and Ukrainian import the web client's extensionless paths, which the server's type check (nodenext)
// refuses: they are loaded at run time, typed as the English one they must match.
const translated = (language: string) =>
  import(`../../web/src/i18n/catalogs/errors/${language}.ts`).then((m: { default: typeof en }) => m.default);
const de = await translated('de');
const uk = await translated('uk');

const root = new URL('../..', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });

/** One place raising a rule: its sentence (fixed text, or a template's text with `${…}` for each value), the
 * names of the details it passes, and where. `sentence` is null when the message is neither (a variable, a choice). */
type Raised = { sentence: string | null; template: boolean; details: string[]; at: string };
const raised = new Map<string, Raised[]>();
const notLiteral: string[] = [];
for (const file of ['domain', 'commands', 'api', 'auth', 'realtime', 'mail', 'projections'].flatMap((d) =>
  files(join(root, d)),
)) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('RuleViolation(')) continue;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => {
    if (ts.isNewExpression(n) && n.expression.getText() === 'RuleViolation' && n.arguments) {
      const [code, message, details] = n.arguments;
      const at = `${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      if (!ts.isStringLiteral(code)) notLiteral.push(`${at} (${code.getText()})`);
      else {
        const sentence =
          ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)
            ? message.text
            : ts.isTemplateExpression(message)
              ? message.head.text + message.templateSpans.map((s) => '${…}' + s.literal.text).join('')
              : null;
        const keys =
          details && ts.isObjectLiteralExpression(details)
            ? details.properties.map((p) => p.name?.getText() ?? '')
            : [];
        const list = raised.get(code.text) ?? [];
        list.push({ sentence, template: ts.isTemplateExpression(message), details: keys, at });
        raised.set(code.text, list);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** The catalogue's English for a code: its one sentence, or for a sentence that agrees with a number its `_other`
 * form (the server's sentence) beside `_one`. */
const english = (code: string) => en.rule[code as keyof typeof en.rule] ?? en.rule[`${code}_other` as never];
const catalogued = [...new Set(Object.keys(en.rule).map((key) => key.replace(PLURAL, '')))];
const placeholdersOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

test('every code the server raises is a literal, with one English sentence, in the catalogue', () => {
  assert.ok(raised.size > 100, 'the server rule codes were found');
  assert.equal(notLiteral, [], 'a code built at run time cannot be worded by the client');
  for (const [code, sites] of raised) {
    for (const site of sites)
      assert.ok(site.sentence !== null, `${code} at ${site.at}: the message is not one sentence`);
    const sentences = new Set(sites.map((s) => s.sentence));
    assert.is(
      sentences.size,
      1,
      `${code} is raised with ${sentences.size} sentences: ${sites.map((s) => `${s.at} "${s.sentence}"`).join(', ')}`,
    );
    assert.ok(english(code), `rule.${code} is raised at ${sites[0]!.at} but not in the errors catalogue`);
  }
});

test('every catalogued code is one the server raises, worded as the server words it', () => {
  for (const code of catalogued) {
    const sites = raised.get(code);
    assert.ok(sites, `rule.${code}: no RuleViolation raises this code`);
    const sentence = english(code);
    assert.ok(sentence, `rule.${code} has no sentence (or no _other form)`);
    const placeholders = placeholdersOf(sentence);
    for (const site of sites!) {
      if (placeholders.length === 0) {
        assert.not.ok(site.template, `rule.${code} has no values but the server's detail at ${site.at} has`);
        assert.is(site.sentence, sentence, `rule.${code} differs from the server's detail at ${site.at}`);
        continue;
      }
      // A template whose every value is a field of the problem: the same text with ${…} where {{name}} is.
      assert.ok(
        site.template,
        `rule.${code} has values but the server's detail at ${site.at} is not a template`,
      );
      for (const name of placeholders)
        assert.ok(
          site.details.includes(name),
          `rule.${code}: {{${name}}} is not in the problem at ${site.at}`,
        );
      assert.is(
        sentence.replace(/\{\{\w+\}\}/g, '${…}'),
        site.sentence,
        `rule.${code} differs from the server's detail at ${site.at}`,
      );
    }
  }
});

test('a sentence that agrees with a number has its forms, and the number is a field of the problem', () => {
  const plural = catalogued.filter((code) => `${code}_other` in en.rule);
  assert.ok(plural.length > 0);
  assert.equal(plural.sort(), Object.keys(pluralField).sort(), 'rulePlurals names the number of each');
  for (const code of plural) {
    const field = pluralField[code]!;
    const one = en.rule[`${code}_one` as never] as string | undefined;
    assert.ok(one, `rule.${code}_one`);
    assert.ok(placeholdersOf(one!).includes(field), `rule.${code}_one says {{${field}}}`);
    for (const site of raised.get(code)!)
      assert.ok(site.details.includes(field), `${code} carries ${field} at ${site.at}`);
  }
  for (const key of Object.keys(en.rule))
    assert.not.ok(
      key.endsWith('_one') && !(key.replace(PLURAL, '_other') in en.rule),
      `${key} without its _other form`,
    );
});

test('German and Ukrainian word every code, in every plural form, and keep its placeholders', () => {
  const forms = { de: ['one', 'other'], uk: ['one', 'few', 'many', 'other'] } as const;
  for (const [key, text] of Object.entries(en.rule)) {
    const code = key.replace(PLURAL, '');
    for (const [lang, catalog] of [
      ['de', de.rule],
      ['uk', uk.rule],
    ] as const) {
      for (const k of key === code ? [key] : forms[lang].map((form) => `${code}_${form}`)) {
        const translated = (catalog as Record<string, string>)[k];
        assert.ok(translated, `${lang} rule.${k}`);
        for (const name of placeholdersOf(text))
          assert.ok(
            translated!.includes(`{{${name}}}`) || translated!.includes(`{{${name}Local}}`),
            `${lang} rule.${k} keeps {{${name}}}`,
          );
      }
    }
  }
});

test.run();
