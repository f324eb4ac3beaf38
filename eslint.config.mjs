import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'next-env.d.ts',
    'payload-types.ts',
    'src/app/(payload)/admin/importMap.js',
  ]),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import/no-default-export': 'off',
    },
  },
  {
    // The product's rules stay framework-free: plain data in, decisions out.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['payload', 'payload/*', '@payloadcms/*'],
              message: 'src/domain must not depend on Payload.',
            },
            {
              group: ['next', 'next/*', 'react', 'react-dom'],
              message: 'src/domain must not depend on Next or React.',
            },
            {
              group: ['**/payload-types', '**/payload-types.ts'],
              message: 'Use domain types, not generated documents.',
            },
          ],
        },
      ],
    },
  },
  {
    // Operations decide and transports only translate: nothing below a transport imports one.
    files: ['src/operations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/api/*', '../api/*', '../../api/*'],
              message:
                'Operations do not know the API layer: return an Outcome, let src/api map it.',
            },
            {
              group: [
                '**/endpoints/*',
                '**/graphql/*',
                '**/src/server/*',
                '../server/*',
                '../../server/*',
              ],
              message: 'Operations never import from a transport folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // The API layer (schemas, operation table, refusal mapping) sits below the transports.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/endpoints/*', '**/graphql/*', '../server/*'],
              message: 'src/api is shared by the transports and imports none of them.',
            },
          ],
        },
      ],
    },
  },
])
