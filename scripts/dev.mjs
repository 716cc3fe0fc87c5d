// `npm run dev`: the console server (API proxy + embedded cluster) on BACKEND_PORT, and Vite's dev
// server with hot reload in front of it. Extra flags go to the console server.
import { spawn } from 'node:child_process';
import { ensureServerBuilt, root } from './lib/build.mjs';

const backendPort = process.env.BACKEND_PORT ?? '8081';
const vitePort = process.env.PORT ?? '5173';
ensureServerBuilt();
const env = {
  ...process.env,
  BACKEND_PORT: backendPort,
  CONSOLE_ALLOWED_ORIGINS: `http://127.0.0.1:${vitePort},http://localhost:${vitePort}`,
};
const backend = spawn(
  'node',
  ['build/server/main.js', '--port', backendPort, '--static-dir', '/nonexistent', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env },
);
const vite = spawn('npx', ['vite', '--port', vitePort, '--strictPort'], { cwd: root, stdio: 'inherit', env });
const stop = () => {
  backend.kill('SIGTERM');
  vite.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
backend.on('exit', (code) => {
  vite.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
vite.on('exit', (code) => {
  backend.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
