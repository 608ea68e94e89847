// Lint rules, including the one-way layer rule of docs/architecture.md:
// domain ← storage ← services ← http | views | cli; lib and config may be used by all.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = ['lib', 'config', 'domain', 'i18n', 'storage', 'services', 'views', 'http', 'cli'];
/** What each layer may import from src/ (besides itself). */
const ALLOWED = {
  lib: [],
  config: ['lib'],
  domain: ['lib'],
  i18n: ['lib', 'config', 'domain'],
  storage: ['lib', 'config', 'domain'],
  services: ['lib', 'config', 'domain', 'i18n', 'storage'],
  views: ['lib', 'config', 'domain', 'i18n'],
  http: ['lib', 'config', 'domain', 'i18n', 'services', 'views'],
  cli: ['lib', 'config', 'domain', 'i18n', 'storage', 'services', 'http'],
};

/** CSV is written by src/lib/csv.ts only (formula cells neutralised there, see its comment). */
const CSV_WRITER = 'src/lib/csv.ts';
const csvStringifyBan = ['csv-stringify', 'csv-stringify/sync'].map((name) => ({
  name,
  message: `Write CSV with toCsv from ${CSV_WRITER}: it neutralises spreadsheet formulas in every cell.`,
}));

function layerRule(layer, { files = [`src/${layer}/**/*.{ts,tsx}`], ignores = [], paths = csvStringifyBan } = {}) {
  const forbidden = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  const group = forbidden.flatMap((l) => [`#src/${l}/**`, `../${l}/**`, `../../${l}/**`, `../../../${l}/**`]);
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths,
          patterns: [
            {
              group,
              message: `src/${layer} may import only from: ${ALLOWED[layer].join(', ') || 'nothing in src'} (see docs/architecture.md).`,
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'tmp/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The public pages' one script (a progressive enhancement) runs in the browser.
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser }, sourceType: 'script' } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  ...LAYERS.map((layer) => layerRule(layer, layer === 'lib' ? { ignores: [CSV_WRITER] } : {})),
  layerRule('lib', { files: [CSV_WRITER], paths: [] }),
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { paths: csvStringifyBan }] },
  },
);
