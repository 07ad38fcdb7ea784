// The web client words a refused business rule by its code (web/src/i18n/catalogs/errors): its English must be
// exactly what the server says for that code, and only codes whose detail is fixed (or carries its values in the
// problem) may be there. Reads the server's `new RuleViolation(code, message, details)` calls to check both.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import en from '../../web/src/i18n/catalogs/errors/en.js';
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

type Raised = { message: string | null; template: string | null; details: string[]; at: string };
const raised = new Map<string, Raised[]>();
const dynamic: string[] = [];
for (const file of ['domain', 'commands', 'api', 'auth', 'realtime'].flatMap((d) => files(join(root, d)))) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('RuleViolation(')) continue;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => {
    if (ts.isNewExpression(n) && n.expression.getText() === 'RuleViolation' && n.arguments) {
      const [code, message, details] = n.arguments;
      const at = `${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      if (!ts.isStringLiteral(code)) dynamic.push(at);
      else {
        const fixed = ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message);
        const template = ts.isTemplateExpression(message) ? message.getText() : null;
        const keys =
          details && ts.isObjectLiteralExpression(details)
            ? details.properties.map((p) => p.name?.getText() ?? '')
            : [];
        const list = raised.get(code.text) ?? [];
        list.push({ message: fixed ? message.text : null, template, details: keys, at });
        raised.set(code.text, list);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

test('every catalogued code is one the server raises, with exactly one English wording', () => {
  assert.ok(raised.size > 50, 'the server rule codes were found');
  for (const [code, english] of Object.entries(en.rule)) {
    const sites = raised.get(code);
    assert.ok(sites, `rule.${code}: no RuleViolation raises this code`);
    const placeholders = [...english.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    for (const site of sites!) {
      if (placeholders.length === 0) {
        assert.is(site.message, english, `rule.${code} differs from the server's detail at ${site.at}`);
        continue;
      }
      // A template whose every value is a field of the problem: the same text with ${...} where {{name}} is.
      assert.ok(
        site.template,
        `rule.${code} has values but the server's detail at ${site.at} is not a template`,
      );
      for (const name of placeholders)
        assert.ok(
          site.details.includes(name),
          `rule.${code}: {{${name}}} is not in the problem at ${site.at}`,
        );
      const pattern = new RegExp(
        `^\`${english
          .split(/\{\{\w+\}\}/)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\$\\{[^`]*\\}')}\`$`,
      );
      assert.ok(pattern.test(site.template!), `rule.${code} differs from ${site.template} at ${site.at}`);
    }
  }
});

test('codes the server builds at run time (session_<status>, closed places, refusals) stay out', () => {
  assert.ok(dynamic.length > 0);
  for (const status of ['scheduled', 'active', 'ended', 'completed', 'canceled', 'deleted'])
    assert.not.ok(`session_${status}` in en.rule, `session_${status} is raised with several wordings`);
  for (const code of ['homework_verified', 'insufficient_balance'])
    assert.not.ok(code in en.rule, `${code} is raised with several wordings`);
});

test('German and Ukrainian word every code and keep its placeholders', () => {
  for (const [code, english] of Object.entries(en.rule)) {
    for (const [lang, catalog] of [
      ['de', de.rule],
      ['uk', uk.rule],
    ] as const) {
      const text = (catalog as Record<string, string>)[code];
      assert.ok(text, `${lang} rule.${code}`);
      for (const [, name] of english.matchAll(/\{\{(\w+)\}\}/g))
        assert.ok(
          text.includes(`{{${name}}}`) || text.includes(`{{${name}Local}}`),
          `${lang} rule.${code} keeps {{${name}}}`,
        );
    }
  }
});

test.run();
