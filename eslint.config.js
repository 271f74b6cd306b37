// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';

const root = import.meta.dirname;
const srcDir = path.join(root, 'src');

/** Which layer of the SPA a file belongs to: 'app', 'feature:<name>', 'shared' or undefined. */
function layerOf(file) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..')) return undefined;
  const [top, name] = rel.split(path.sep);
  if (top === 'app') return 'app';
  if (top === 'features' && name) return `feature:${name}`;
  if (top === 'components' || top === 'lib') return 'shared';
  return undefined;
}

function resolveImport(file, source) {
  if (source.startsWith('@/')) return path.join(srcDir, source.slice(2));
  if (source.startsWith('.')) return path.resolve(path.dirname(file), source);
  return undefined;
}

/**
 * Declared one-way dependencies between features (docs/decisions/009): the compare view is a view
 * over two results, so it draws them with the results feature's renderers and overlays. Results
 * never imports compare.
 */
const FEATURE_DEPENDENCIES = { 'feature:compare': ['feature:results'] };

/**
 * The SPA's import direction (bulletproof-react): app → features → shared. Shared code never
 * imports a feature or the app, and no feature imports another feature (but for the declared
 * dependencies above).
 */
const importBoundaries = {
  meta: { type: 'problem', schema: [], messages: { forbidden: '{{from}} must not import {{to}} ({{why}})' } },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || from === 'app') return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = resolveImport(file, source);
      const to = target && layerOf(target);
      if (!to || to === from) return;
      if (FEATURE_DEPENDENCIES[from]?.includes(to)) return;
      const why =
        from === 'shared'
          ? 'shared code may not depend on features or the app'
          : to === 'app'
            ? 'features may not import the app layer'
            : to.startsWith('feature:')
              ? 'features may not import each other: compose them in src/app'
              : undefined;
      if (why) context.report({ node, messageId: 'forbidden', data: { from, to, why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain scripts the built page loads as they are (public/), in the browser.
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Parse at the boundary instead of asserting: `as` on data hides shape errors.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery, lens: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      'lens/import-boundaries': 'error',
    },
  },
  {
    // Tests may assert shapes they built themselves.
    files: ['**/*.test.{ts,tsx}', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/consistent-type-assertions': 'off' },
  },
);
