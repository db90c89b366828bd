import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server's address comes from the environment so that the platform's test harness
// can pick it; the defaults work on a fresh machine (the realm allows http://localhost:5173/*).
const host = process.env.ADMIN_UI_HOST || 'localhost';
const port = Number(process.env.ADMIN_UI_PORT || 5173);

export default defineConfig({
  plugins: [react()],
  // The contracts are a workspace package built as CommonJS: pre-bundled, their named exports
  // (schemas, limits) import like any ES module's, in dev as in the build.
  optimizeDeps: { include: ['@convergences/contracts'] },
  server: { host, port, strictPort: true },
  preview: { host, port, strictPort: true },
  build: { sourcemap: true, chunkSizeWarningLimit: 2000 },
});
