// ESLint 9 flat config: TypeScript rules everywhere, React hooks rules for the app, and the
// import boundaries of ARCHITECTURE.md (features never import each other; k8s/, components/,
// lib/ and kubevirt/ never import features/; kubevirt/ imports no components/ and no React; src/k8s
// is imported by its modules, never through a barrel).
//
// Several blocks set no-restricted-imports for the same file, and ESLint keeps only the last
// block's options: so every block lists all the patterns that apply to its files.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettierConfig from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Feature folders, read when the config loads, so a new feature is covered without editing this file. */
const features = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** src/k8s is imported module by module ('../k8s/models'), never as a whole ('../k8s', '../k8s/index'). */
const k8sDeepImports = {
  regex: '^\\.\\.?/(?:\\.\\./)*k8s(?:/index)?$',
  message: "Import src/k8s by its modules ('../k8s/models', '../k8s/meta'), not as a whole.",
};

const noFeatures = (who) => ({
  regex: '^\\.\\.?/(?:.*/)?features(?:/|$)',
  message: `${who} must not import src/features.`,
});

/** How deep files may sit inside a feature folder (src/ is at most four levels deep). */
const MAX_FEATURE_DEPTH = 3;

/**
 * One block per feature and per depth: an import that climbs back to src/features/ and enters
 * another folder (`../vmis/x` from src/features/vms/a.ts, `../../vmis/x` one level down), or
 * that names another feature through a features/ segment.
 */
function featureBoundaries(feature) {
  return Array.from({ length: MAX_FEATURE_DEPTH }, (_, i) => {
    const depth = i + 1;
    const up = escape('../'.repeat(depth));
    const other = `(?!${escape(feature)}(?:/|$))[^./][^/]*(?:/|$)`;
    return {
      name: `boundaries/features/${feature}/depth-${depth}`,
      files: [`src/features/${feature}/${'*/'.repeat(i)}*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^${up}${other}`,
                message: `src/features/${feature} must not import another feature: move shared code to src/components, src/lib or src/k8s.`,
              },
              {
                regex: `^\\.\\.?/(?:.*/)?features/${other}`,
                message: `src/features/${feature} must not import another feature: move shared code to src/components, src/lib or src/k8s.`,
              },
              k8sDeepImports,
            ],
          },
        ],
      },
    };
  });
}

/** Query keys come from the one factory (src/k8s/query-keys.ts), never spelled where they are used. */
const oneKeyFactory = {
  name: 'k8s/one-query-key-factory',
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/k8s/query-keys.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "Property[key.name='queryKey'] > ArrayExpression",
        message: 'Make query keys with k8sKeys (src/k8s/query-keys.ts), not on the spot.',
      },
    ],
  },
};

/** Everything else in src/ (app/, main.tsx): only the k8s import style. */
const k8sImportStyle = {
  name: 'boundaries/k8s-import-style',
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/k8s/**'],
  rules: { 'no-restricted-imports': ['error', { patterns: [k8sDeepImports] }] },
};

const sharedLayerBoundaries = {
  name: 'boundaries/shared-layers',
  files: ['src/k8s/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [noFeatures('src/k8s, src/components, src/lib and src/kubevirt'), k8sDeepImports] },
    ],
  },
};

const libIsPure = {
  name: 'boundaries/lib-has-no-react',
  files: ['src/lib/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'react', message: 'src/lib holds pure helpers: no React.' }],
        patterns: [
          noFeatures('src/k8s, src/components, src/lib and src/kubevirt'),
          { regex: '^@patternfly/', message: 'src/lib holds pure helpers: no PatternFly.' },
          k8sDeepImports,
        ],
      },
    ],
  },
};

/**
 * src/kubevirt: the pure KubeVirt domain code the features share (selectors, status, actions as
 * data, launcher labels, OS facts). It builds on src/k8s and src/lib only: no features, no
 * components, no React or other UI library.
 */
const kubevirtIsPure = {
  name: 'boundaries/kubevirt-domain',
  files: ['src/kubevirt/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'react', message: 'src/kubevirt holds pure domain code: no React.' }],
        patterns: [
          noFeatures('src/k8s, src/components, src/lib and src/kubevirt'),
          {
            regex: '^\\.\\.?/(?:.*/)?components(?:/|$)',
            message: 'src/kubevirt must not import src/components: UI builds on the domain, not the other way.',
          },
          {
            regex: '^(?:react-dom|react-router|@tanstack/react-query|@patternfly)(?:/|$)',
            message: 'src/kubevirt holds pure domain code: no React, router, react-query or PatternFly.',
          },
          k8sDeepImports,
        ],
      },
    ],
  },
};

/**
 * Test support (test/support, test/fixtures, src's testing builders) is for tests only: the app and the
 * server never import it, so it never ships. A rule of its own (the typescript-eslint copy of
 * no-restricted-imports), so it adds to the folder boundaries above instead of replacing them.
 */
const testSupportStaysInTests = {
  name: 'boundaries/test-support-stays-in-tests',
  files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
  ignores: ['**/*.test.{ts,tsx}', 'src/**/testing/**', 'src/**/testing.ts', 'src/**/test-fixtures.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^\\.\\.?/(?:.*/)?test/(?:support|fixtures)(?:/|$)',
            message: 'test/support and test/fixtures are for tests only: production code must not import them.',
          },
          {
            regex: '^\\.\\.?/(?:.*/)?(?:testing|test-fixtures)(?:/|\\.|$)',
            message: 'Test builders are for tests only: production code must not import them.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    name: 'ignores',
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '.cache/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'typescript',
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    name: 'browser',
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    name: 'node',
    files: ['server/**', 'test/**', 'scripts/**', 'e2e/**', 'bench/**', '*.config.{js,ts,mjs}', '.ci/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    // Benchmarks and specs run functions inside the page (page.evaluate): browser globals too.
    name: 'node-driving-a-browser',
    files: ['e2e/**', 'bench/ui/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  k8sImportStyle,
  oneKeyFactory,
  ...features.flatMap(featureBoundaries),
  sharedLayerBoundaries,
  libIsPure,
  kubevirtIsPure,
  testSupportStaysInTests,
  // Formatting is Prettier's (`npm run lint` runs `prettier --check`): no ESLint rule may disagree with it.
  prettierConfig,
);
