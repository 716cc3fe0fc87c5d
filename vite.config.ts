import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
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

/**
 * PatternFly's pop-up code (Popper, Menu, focus-trap: about 24 KB gzip) is loaded on first use, not by
 * the first page: what PatternFly's own components import of it (the table's Tooltip, Popover and
 * Dropdown; Label's and Alert's Tooltip; NavItem's Popper; DrawerPanelContent's FocusTrap;
 * Pagination's per-page menu) is replaced by the same components behind a first-use loader
 * (src/components/lazy-popups). Page's Drawer (drawn only around a notification drawer, which the
 * console has none of: about 3 KB gzip) loads the same way.
 * Production build only: the dev server pre-bundles dependencies without plugins.
 */
function lazyPatternflyPopups(): Plugin {
  const dir = path.resolve('src/components/lazy-popups');
  return {
    name: 'lazy-patternfly-popups',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const from = importer?.replace(/\\/g, '/') ?? '';
      const popups = path.join(dir, 'patternfly-popups.tsx');
      if (
        from.includes('/node_modules/@patternfly/react-table/') &&
        /^@patternfly\/react-core\/dist\/esm\/components\/(Tooltip(\/Tooltip)?|Popover|Dropdown)$/.test(source)
      )
        return popups;
      const core = /\/node_modules\/@patternfly\/react-core\/dist\/esm\/(.+)$/.exec(from)?.[1];
      if (core && /^components\/(Label|Alert)\//.test(core) && source === '../Tooltip') return popups;
      if (core === 'components/Nav/NavItem.js' && source === '../../helpers/Popper/Popper') return popups;
      if (core === 'components/Page/Page.js' && source === '../Drawer') return path.join(dir, 'page-drawer.tsx');
      if (core === 'components/Drawer/DrawerPanelContent.js' && source === '../../helpers/FocusTrap/FocusTrap')
        return path.join(dir, 'lazy-focus-trap.tsx');
      if (core === 'components/Pagination/Pagination.js' && source === './PaginationOptionsMenu')
        return path.join(dir, 'pagination-options-menu.tsx');
      return null;
    },
  };
}

/**
 * Parts of PatternFly's first-page components that draw only with options the console does not use:
 * Button's favorite and settings icons and MenuToggle's settings icon, the table's header help icon,
 * favorites star, drag grip and row-edit icon, and its select column's Radio. Each import of them by
 * those PatternFly modules gets a stand-in (a virtual module) that loads the real part on its first
 * render, an icon-sized blank meanwhile: about 3 KB gzip less on the first page, nothing drawn differently.
 * Production build only, as lazyPatternflyPopups.
 */
const LAZY_PART = '\0lazy-patternfly-part:';
const ICONS = '@patternfly/react-icons/dist/esm/icons/';
const UNUSED_PARTS: Record<string, readonly string[]> = {
  'react-core/dist/esm/components/Button/Button.js': [
    `${ICONS}rh-ui-star-fill-icon`,
    `${ICONS}rh-ui-star-icon`,
    `${ICONS}rh-ui-settings-fill-icon`,
  ],
  'react-core/dist/esm/components/MenuToggle/MenuToggle.js': [`${ICONS}rh-ui-settings-fill-icon`],
  'react-table/dist/esm/components/Table/HeaderCellInfoWrapper.js': [`${ICONS}help-icon`],
  'react-table/dist/esm/components/Table/utils/decorators/sortable.js': [`${ICONS}rh-ui-star-fill-icon`],
  'react-table/dist/esm/components/Table/DraggableCell.js': [`${ICONS}rh-ui-grip-vertical-fill-icon`],
  'react-table/dist/esm/components/Table/EditColumn.js': [`${ICONS}rh-ui-edit-fill-icon`],
  'react-table/dist/esm/components/Table/SelectColumn.js': ['@patternfly/react-core/dist/esm/components/Radio'],
};

function lazyUnusedPatternflyParts(): Plugin {
  return {
    name: 'lazy-unused-patternfly-parts',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const from = /\/node_modules\/@patternfly\/(.+)$/.exec(importer?.replace(/\\/g, '/') ?? '')?.[1];
      return from && UNUSED_PARTS[from]?.includes(source) ? LAZY_PART + source : null;
    },
    load(id) {
      if (!id.startsWith(LAZY_PART)) return null;
      const source = id.slice(LAZY_PART.length);
      const real = JSON.stringify(`${source}.js`);
      if (source.startsWith(ICONS)) {
        // An icon module's default export is the icon; the blank is an icon's svg without a path.
        return `import { createElement, lazy, Suspense } from 'react';
const Icon = lazy(() => import(${real}));
const blank = createElement('svg', { className: 'pf-v6-svg', width: '1em', height: '1em', 'aria-hidden': true, role: 'img' });
export default function LazyIcon(props) {
  return createElement(Suspense, { fallback: blank }, createElement(Icon, props));
}
`;
      }
      // Radio (SelectColumn's only import from it).
      return `import { createElement, lazy, Suspense } from 'react';
const Real = lazy(() => import(${JSON.stringify('@patternfly/react-core/dist/esm/components/Radio/Radio.js')}).then((m) => ({ default: m.Radio })));
export function Radio(props) {
  return createElement(Suspense, { fallback: null }, createElement(Real, props));
}
`;
    },
  };
}

/**
 * PatternFly's table merges each cell's props with lodash's mergeWith (react-table's merge-props.js),
 * which brings lodash's caches, type checks and CommonJS glue (about 4 KB gzip) into the first page:
 * that import gets src/lib/merge-with.ts, the same merge (checked against lodash in its test).
 * Production build only, as lazyPatternflyPopups.
 */
function tableMergeWithoutLodash(): Plugin {
  return {
    name: 'table-merge-without-lodash',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const from = importer?.replace(/\\/g, '/') ?? '';
      return source === 'lodash/mergeWith' &&
        from.endsWith('/@patternfly/react-table/dist/esm/components/Table/base/merge-props.js')
        ? path.resolve('src/lib/merge-with.ts')
        : null;
    },
  };
}

/** The first-loaded module: starts the VM list's first requests before the main bundle has run. */
const EARLY_ENTRY = 'src/k8s/early-fetch.ts';

/**
 * Loads EARLY_ENTRY as its own small script ahead of the main bundle (an entry of its own in the
 * build, the source file in dev), so its requests start while the main bundle still downloads.
 */
function earlyFetchEntry(): Plugin {
  return {
    name: 'early-fetch-entry',
    config: (_, { command }) =>
      command === 'build'
        ? {
            build: {
              rolldownOptions: { input: { index: path.resolve('index.html'), early: path.resolve(EARLY_ENTRY) } },
            },
          }
        : undefined,
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        let src = `/${EARLY_ENTRY}`;
        if (ctx.bundle) {
          const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
          if (!chunk) throw new Error(`the build has no chunk for ${EARLY_ENTRY}`);
          src = `/${chunk.fileName}`;
        }
        // Ahead of every other script, so the browser asks for it first.
        const tag = `<script type="module" async crossorigin src="${src}"></script>\n    `;
        const at = html.search(/<script\b/);
        return at < 0 ? html.replace('</head>', `${tag}</head>`) : html.slice(0, at) + tag + html.slice(at);
      },
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), lazyPatternflyPopups(), lazyUnusedPatternflyParts(), tableMergeWithoutLodash(), earlyFetchEntry()],
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
          // The early module (EARLY_ENTRY) stays out of it: it must load on its own, ahead of the shell.
          groups: [{ name: 'shell', tags: ['$initial'], test: (id) => !id.endsWith(EARLY_ENTRY) }],
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
