// Vite build of the React renderer into .out/renderer (served by app:// in Electron and by the web
// host over loopback). Relative base so both hosts can serve it from their own origin.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../.out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
