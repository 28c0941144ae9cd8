// Lint: typescript-eslint's recommended rules for the server, tests and tab, plus house rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.azurite/**', 'appPackage/build/**', 'coverage/**', 'devTools/**', '.deploy/**', '.deployment/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // OData filters only through the odata tag: a plain or template string passed as `filter` fails lint.
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='filter'] > Literal[value=/ eq | ne | gt | lt | ge | le /]",
          message: 'Build OData filters with the odata`` tag from @azure/data-tables.',
        },
        {
          selector: "Property[key.name='filter'] > TemplateLiteral",
          message: 'Build OData filters with the odata`` tag from @azure/data-tables.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/tab/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn', 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
