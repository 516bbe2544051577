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

// One clock (src/shared/clock.ts): "now" and "today" never come from the machine's clock directly, so a
// pinned clock (--now, OTKLIK_NOW) reaches every module and no result depends on the day a test runs.
const oneClock = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message:
      'Read "now" from the one clock: clock.now() in src/shared/clock.ts (durations: performance.now()).'
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read "now" from the one clock: nowDate() in src/shared/clock.ts.'
  }
]

const noElectron = { name: 'electron', message: 'Core services run under plain Node: no electron import.' }

// A workspace is opened (and, when new, seeded with the default topics) in one place.
const oneOpener = {
  regex: '(^|/)db(/open)?$',
  importNames: ['openDatabase'],
  message:
    'Open a workspace with openWorkspaceDatabase (src/main/core/workspace.ts): a new one gets its default topics there.'
}

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
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...oneClock] }
  },
  {
    // The analysis of new mentions is wired once: workspaceAnalyzer() (Workspace.analyzer() calls it).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/core/analysis/analyzer.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...oneClock,
        {
          selector: "NewExpression[callee.name='WorkspaceAnalyzer']",
          message: 'Use workspaceAnalyzer(db) (or Workspace.analyzer()): the analysis is wired in one place.'
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
    files: ['src/main/**'],
    ignores: ['src/main/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [oneOpener] }] }
  },
  {
    files: ['src/main/core/**'],
    ignores: ['src/main/core/workspace.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [oneOpener] }] }
  },
  {
    files: ['src/main/core/workspace.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] }
  },
  {
    // The database layer knows tables, not what fills them: no analysis, queries, reports or imports
    // (seed data such as the default topics comes from the layer that creates workspaces). Migration 0003
    // rebuilds the search index with the ingest's own stemmer (ingest/fts), the one exception.
    files: ['src/main/core/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex:
                '^(\\.\\./)+(analysis|queries|report|import|collect|demo|api|mentions|subjects|workspace|ingest(?!/fts$))(/|$)',
              message: 'The database layer must not import the layers above it (analysis, queries, import…).'
            }
          ]
        }
      ]
    }
  }
)
