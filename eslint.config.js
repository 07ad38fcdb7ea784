// ESLint 9 flat config: a modest rule set (js + typescript-eslint recommended, no type-aware rules so lint stays
// fast) plus the architecture's import boundaries and a no-import-cycles rule.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const root = import.meta.dirname;

// Composition roots and test code: nothing in the app imports them.
const entryPoints = ['main', 'scripts', 'test'];

/**
 * A zone for `import-x/no-restricted-paths` that lets the files under `target` import only npm packages and the
 * given globs (relative to the repo root); anything else in the repo is refused.
 */
function onlyMayImport(target, allowed, why) {
  return {
    target,
    from: ['**'],
    except: [...allowed, '**/node_modules/**'].map((glob) => path.join(root, glob)),
    message: `${why}: ${target}/ may import only ${allowed.join(', ')} and npm packages.`,
  };
}

/** A zone that refuses imports from the given folders (and from the entry points), relative to the repo root. */
function mayNotImport(target, folders, why) {
  const from = [...folders, ...entryPoints];
  return {
    target,
    from,
    message: `${why}: ${target}/ must not import ${from.map((f) => `${f}/`).join(', ')}.`,
  };
}

const boundaries = [
  onlyMayImport('domain', ['domain/**'], 'domain/ holds pure deciders'),
  onlyMayImport('kernel', ['kernel/**'], 'kernel/ is the tiny shared kernel'),
  onlyMayImport('contract', ['contract/**', 'domain/**'], 'contract/ is shared with the web client'),
  onlyMayImport(
    'db',
    ['db/**', 'migrations/**', 'kernel/**', '**/*.table.ts'],
    'db/ is the connection and the one Database interface',
  ),
  onlyMayImport('migrations', ['migrations/**'], 'migrations/ are frozen in time and use only kysely'),
  onlyMayImport('web', ['web/**', 'contract/**'], 'web/ shares only contract/ with the server'),

  mayNotImport('commands', ['api', 'realtime', 'web', 'mail'], 'commands/ is the write side'),
  {
    target: 'commands',
    from: ['projections/**'],
    except: [path.join(root, 'projections/**/*.table.ts')],
    message: 'commands/ is the write side: of projections/ it may import only the *.table.ts files.',
  },
  mayNotImport('projections', ['api', 'realtime', 'web'], 'projections/ is the read side'),
  {
    target: 'projections',
    from: ['commands'],
    except: ['./eventStore', './logConsumer'],
    message:
      'projections/ is the read side: of commands/ it may import only the event store (commands/eventStore/) ' +
      'and the log consumer it shares with the process managers (commands/logConsumer/).',
  },
  mayNotImport('auth', ['api', 'realtime', 'web'], 'auth/ sits below the HTTP and WebSocket layers'),
  mayNotImport('realtime', ['api', 'web'], 'realtime/ is the WebSocket gateway, beside api/'),
  mayNotImport('mail', ['api', 'realtime', 'web'], 'mail/ consumes the outbox'),
  mayNotImport('bus', ['api', 'realtime', 'web'], 'bus/ is a port with its adapters'),
  mayNotImport('api', ['web'], 'api/ is the HTTP layer'),
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'data/',
      '**/coverage/',
      'test-results/',
      // Plain JS config files; the app itself is TypeScript.
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  {
    files: ['**/*.ts', 'web/**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    settings: {
      // Without these import-x takes only .js files for modules and no-cycle walks nothing.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      // Resolves the `.js` specifiers of NodeNext to the `.ts` files, and web/'s Bundler-style specifiers, each
      // with its own tsconfig.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [path.join(root, 'tsconfig.json'), path.join(root, 'web/tsconfig.json')],
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',

      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaries }],
      // No import cycles, however long. import-x always skips type-only imports (`import type`, or imports whose
      // specifiers are all `type`): with verbatimModuleSyntax they are erased and cannot make a runtime cycle.
      // npm packages cannot import back into the app, so not walking them loses nothing and saves a lot of time.
      'import-x/no-cycle': ['error', { maxDepth: '∞', ignoreExternal: true }],
    },
  },
  {
    // Kysely's own advice: a migration is frozen in time, so it takes `Kysely<any>` rather than today's Database.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
