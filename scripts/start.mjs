// `npm start`: build what is needed, then run the console server (embedded cluster by default).
import { ensureAppBuilt, ensureServerBuilt, root } from './lib/build.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

ensureServerBuilt();
ensureAppBuilt();
await import(pathToFileURL(path.join(root, 'build/server/main.js')).href);
