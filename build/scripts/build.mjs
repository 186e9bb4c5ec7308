// One build for every process: esbuild bundles the Electron main, the sandboxed preload (CJS, as
// sandboxed preloads must be), the web host and workers into .out/main; Vite builds the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outMain = path.join(root, '.out/main');

/** Node-side entry points (ESM). Add a worker here when a feature needs one. */
const nodeEntries = {
  'electron-main': 'electron/main/index.ts',
  'web-host': 'electron/web-host/index.ts',
  'store-worker': 'electron/adapters/store/engine/storeWorker.ts',
  // The store's snapshot/backup rebuilds run in a process of their own (rebuildLauncher.ts).
  'store-rebuild': 'electron/adapters/store/engine/rebuildProcess.ts',
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Dependencies stay in node_modules (electron-builder ships them); sql.js finds its wasm there.
  packages: 'external',
};

const started = Date.now();
await Promise.all([
  esbuild({
    ...common,
    entryPoints: Object.fromEntries(
      Object.entries(nodeEntries).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: outMain,
    format: 'esm',
    outExtension: { '.js': '.js' },
    banner: {
      // Bundled ESM still meets CommonJS-style code in some dependencies' call sites.
      js: "import { createRequire as __deskCreateRequire } from 'node:module'; const require = __deskCreateRequire(import.meta.url);",
    },
  }),
  esbuild({
    ...common,
    // A sandboxed preload can only `require` electron: bundle everything else in.
    packages: undefined,
    external: ['electron'],
    entryPoints: { preload: path.join(root, 'electron/preload/index.ts') },
    outdir: outMain,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
  }),
  viteBuild({
    configFile: path.join(root, 'renderer/vite.config.ts'),
    logLevel: 'warn',
  }),
]);
console.log(`Built main, preload, web host and renderer into .out/ in ${Date.now() - started} ms`);
