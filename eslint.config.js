// Lint for bugs, not style (Prettier owns the layout): ESLint's recommended correctness rules, and the
// type-aware typescript-eslint rules that catch mistakes the compiler lets through, above all promises
// that are dropped or handed to a callback that ignores them. typescript-eslint's recommendedTypeChecked
// is not used whole: its no-unsafe-* rules flag every `await response.json()` in the tests, and
// require-await every fake `fetch` that is async only to match fetch's type.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** The Node globals the plain JavaScript scripts use; TypeScript files get theirs from the compiler. */
const nodeGlobals = Object.fromEntries(
  ['console', 'process', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setImmediate', 'structuredClone', 'fetch'].map((name) => [name, 'readonly']),
)

export default defineConfig(
  // Only the source folders: not the root's config files, nor what is generated or built.
  globalIgnores(['*.*', '**/node_modules/', '**/dist/', 'generated/', 'reports/', 'coverage/', '.stryker-tmp/', 'examples/nextjs/.next/', 'examples/nextjs/next-env.d.ts']),
  {
    files: ['{src,test,examples,bench,scripts}/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended],
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // Each file is typed by its nearest tsconfig.json (examples/nextjs has its own); the plain
        // JavaScript scripts are in none, so TypeScript's default project types them.
        projectService: { allowDefaultProject: ['scripts/*.mjs', 'scripts/*.cjs', 'examples/nextjs/dev.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The SDK validates and rejects control characters on purpose.
      'no-control-regex': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      // Forwarding a caught error or an AbortSignal's reason, typed any or unknown, is fine.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/no-base-to-string': 'error',
      '@typescript-eslint/restrict-template-expressions': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/no-unsafe-unary-minus': 'error',
      '@typescript-eslint/no-deprecated': 'error',
      'array-callback-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
    },
  },
  // The compiler already reports undefined names (and knows the types' globals) in TypeScript.
  { files: ['**/*.{ts,tsx,mts,cts}'], extends: [tseslint.configs.eslintRecommended] },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: nodeGlobals } },
)
