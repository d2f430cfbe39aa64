import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersRule } from './eslint.layers.js';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Untrusted text (contact names, notes, page text) is rendered as text, never as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render untrusted text as text; never as HTML.',
        },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render untrusted text as text; never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render untrusted text as text; never as HTML.',
        },
      ],
    },
  },
  {
    // Folders in layers that import one way (eslint.layers.js; docs/ARCHITECTURE.md).
    files: ['**/*.{ts,tsx}'],
    plugins: { project: { rules: { layers: layersRule } } },
    rules: { 'project/layers': 'error' },
  },
  {
    // Tests build fake pages out of trusted fixture markup.
    files: ['**/__tests__/**', 'test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
