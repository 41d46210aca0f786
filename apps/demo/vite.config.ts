import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is static files the demo server serves; no dev server is needed at run time.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
