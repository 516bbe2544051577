import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeOnly = [
  'electron',
  'better-sqlite3',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'url',
  'worker_threads'
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'bench/data/**',
      'bench/out/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        require: 'readonly',
        module: 'writable'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Parsers of files from outside match NUL and other control bytes on purpose.
      'no-control-regex': 'off'
    }
  },
  {
    // One clock (src/shared/clock.ts): "now" and "today" never come from the machine's clock directly, so a
    // pinned clock (--now, OTKLIK_NOW) reaches every module and no result depends on the day a test runs.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read "now" from the one clock: clock.now() in src/shared/clock.ts (durations: performance.now()).'
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read "now" from the one clock: nowDate() in src/shared/clock.ts.'
        }
      ]
    }
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['e2e/**'],
    // Playwright fixtures take an (empty) destructured first argument by design.
    rules: { 'no-empty-pattern': 'off' }
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'The renderer runs sandboxed: talk to main through window.otklik.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer imports only src/shared and its own files: shapes live in src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, 'react', 'ag-grid-*', 'exceljs', 'docx', 'pdfkit'],
              message: 'src/shared holds platform-free logic only.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Core services run under plain Node: no electron import.' }] }
      ]
    }
  }
)
