import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the Kubernetes API to the console's own Node server
// (started by `npm run dev` on BACKEND_PORT), so the browser code is the same
// in development and production.
const backend = `http://127.0.0.1:${process.env.BACKEND_PORT ?? '8081'}`;

// react-router 7 exports its development build under every condition; the production build
// (no dev warnings) sits next to it with the same API.
const require = createRequire(import.meta.url);
const reactRouterProduction = require
  .resolve('react-router')
  .replace(/development([\\/])index\.m?js$/, 'production$1index.mjs');

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Monaco's editor API (about 2.7 MB) is the largest file, loaded only with the YAML editor:
    // no warning for it on a fresh clone's first `npm start`.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Rolldown's plugin-timing report is a warning that only a slow or busy machine prints.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          // What the entry needs before anything shows (React, the router, the query cache, the
          // shell and its PatternFly parts) as one file: one request and one gzip stream instead
          // of dozens of small ones.
          groups: [{ name: 'shell', tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    proxy: {
      '/api': { target: backend, ws: true, changeOrigin: false },
      '/healthz': backend,
      '/readyz': backend,
    },
  },
}));
