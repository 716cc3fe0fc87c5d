import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the Kubernetes API to the console's own Node server
// (started by `npm run dev` on BACKEND_PORT), so the browser code is the same
// in development and production.
const backend = `http://127.0.0.1:${process.env.BACKEND_PORT ?? '8081'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
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
});
