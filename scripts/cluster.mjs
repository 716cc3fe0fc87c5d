// `npm run cluster -- --port <p> [--seed none]`: the embedded cluster alone, for kubectl.
import { ensureServerBuilt, root } from './lib/build.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

ensureServerBuilt();
await import(pathToFileURL(path.join(root, 'build/server/cluster/cli.js')).href);
