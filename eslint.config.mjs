// Lint: typescript-eslint's recommended rules, plus the rule that keeps the engine pure.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'url', 'worker_threads', 'process', 'stream', 'readline'];

export default tseslint.config(
  { ignores: ['out/**', '**/out/**', 'dist/**', 'node_modules/**', '.e2e/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // The engine has no vscode, no LSP connection and no file system: the server, the CLI
    // and the tests hand it text. Types-only packages are allowed.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The engine must not depend on VS Code.' },
            { name: 'vscode-languageserver', message: 'The engine must not depend on the LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/node', message: 'The engine must not depend on the LSP connection.' },
            ...nodeBuiltins.flatMap(m => [
              { name: m, message: 'The engine is pure: no Node built-ins (callers pass text in).' },
              { name: `node:${m}`, message: 'The engine is pure: no Node built-ins (callers pass text in).' },
            ]),
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+(server|settings|safe|sourceFiles|workspaceSources|node|protocol|features|cli)(/|$)',
              message: 'The engine may only import from inside server/src/engine.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The engine is pure: no process access.' }, { name: 'require', message: 'Use imports.' }],
    },
  },
  {
    // The server, the CLI and the client reach the engine through its facade only
    // (server/src/engine/index.ts: createEngine and the types it names). engine/rules is the
    // generated text of docs/rules, not engine code: the client shows it without bundling the engine.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)engine/(?!rules$).+',
              message: 'Import the engine through its facade (server/src/engine/index.ts), not its modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'test/**/*.js', 'bench/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
