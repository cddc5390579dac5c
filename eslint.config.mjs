// Lint, and the layer boundaries of docs/architecture.md as import rules: a wrong import fails `npm run lint`.
// Do not relax these rules to make an import work; move the code to the right layer instead.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_ONLY = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'ws', 'fastify', 'pino', 'pino-roll'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.stryker-tmp/**', 'reports/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests load modules afresh (jest.isolateModules) with require().
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(['**/main/**', '**/devices/**', '**/renderer/**', '**/county/**', ...NODE_ONLY, 'electron', 'react'], 'src/shared runs anywhere: it imports nothing of the project but itself, and nothing Node-only.'),
  },
  {
    files: ['src/devices/**/*.ts'],
    rules: restrict(['**/main/**', '**/renderer/**', '**/county/**', 'electron'], 'src/devices imports only src/shared.'),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: restrict(['**/renderer/**', '**/county/**', 'electron'], 'The core may import src/shared and src/devices; only src/main/electron imports electron.'),
  },
  {
    // All SQL of the core is in src/main/store, prepared through stmt() (store/statements.ts): one place to cache
    // statements and to time them.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/store/**', 'src/main/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL belongs in src/main/store, through stmt().' },
        { selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s/i]', message: 'SQL belongs in src/main/store, through stmt().' },
        { selector: 'TemplateElement[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s/i]', message: 'SQL belongs in src/main/store, through stmt().' },
      ],
    },
  },
  {
    files: ['src/main/store/**/*.ts'],
    ignores: ['src/main/store/statements.ts', 'src/main/store/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='prepare']", message: 'Prepare statements through stmt() (store/statements.ts).' }],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/county/**'], 'The Electron shell wires the core; it never imports the renderer or the county server.'),
  },
  {
    // The township/county console is browser code too, under the same rules as the kiosk's renderer.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx', 'src/console/**/*.ts', 'src/console/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(['**/main/**', '**/devices/**', '**/county/**', ...NODE_ONLY, 'electron'], 'The renderer is browser code (and so is the console): it imports only src/shared, never Node or electron.'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useAliveEffect$' }],
      // No Chinese (or any CJK) literal in components: every string a person sees comes from the locales.
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/[\\u3400-\\u9fff]/]', message: 'Put this text in src/shared/locales and use t().' },
        { selector: 'TemplateElement[value.raw=/[\\u3400-\\u9fff]/]', message: 'Put this text in src/shared/locales and use t().' },
        { selector: 'JSXText[value=/[\\u3400-\\u9fff]/]', message: 'Put this text in src/shared/locales and use t().' },
      ],
    },
  },
  {
    files: ['src/county/**/*.ts'],
    rules: restrict(['**/main/**', '**/devices/**', '**/renderer/**', 'electron'], 'The county reference server shares only the sync contract in src/shared.'),
  },
);
