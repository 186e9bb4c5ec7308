// Lint for the whole repo, including the layering rules of shared/conventions.md: the folder a
// file lives in decides what it may import (VS Code's code-layering rule, done with core ESLint).
// The source of truth for what may import what is build/dependency-cruiser.mjs (`npm run deps`, part
// of `npm test`: cycles, feature doors, kernel, adapters, hosts); the layer rules here repeat part of
// it so an editor flags a bad import while it is typed. Change both together.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/main and electron/preload may import Electron.' };
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'crypto'], message: 'This layer must not use Node built-ins.' };
const layer = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['.out/**', 'node_modules/**', 'build/icons/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      electronImport,
      nodeBuiltins,
      { group: ['**/electron/**', '**/renderer/**', '**/tests/**', 'react', 'react-dom', 'sip.js', 'sql.js', 'ws'], message: 'shared/ imports only shared/ (and zod).' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/adapters/**/*.ts', 'electron/host/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: layer([
      electronImport,
      { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**', 'react', 'react-dom'], message: 'Core, adapters and web host run without Electron and without the renderer.' },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: layer([
      electronImport,
      { group: ['**/adapters/**', '**/host/**', '**/web-host/**', '**/renderer/**', 'sip.js', 'sql.js', 'ws', 'conf'], message: 'electron/core composes domain logic over ports; concrete adapters are passed in by a host.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'], // build configuration, runs in Node
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer([
        electronImport,
        nodeBuiltins,
        { group: ['**/electron/**', '**/tests/**', 'sql.js', 'ws', 'conf'], message: 'The renderer imports only shared/ and renderer/.' },
      ]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer([
      { group: ['**/electron/core/**', '**/adapters/**', '**/host/**', '**/web-host/**', '**/renderer/**', 'node:*'], message: 'The preload is a thin proxy of the contract.' },
    ]),
  },
);
