import { defineConfig } from 'tsup';

// Two Node entry points; the web front end is built separately by Vite into dist/web.
export default defineConfig({
  entry: { server: 'src/server/main.ts', cli: 'src/cli/main.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node22',
});
