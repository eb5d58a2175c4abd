/** The layering of src/, checked in `npm test` (see each folder's CONTEXT.md). */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports only src/core: no engine, stores, UI, i18n, React or DOM libraries.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)|^node_modules/(react|react-dom|zustand|@duckdb|echarts|ag-grid)' },
    },
    {
      name: 'app-below-state',
      comment: 'src/app services know no stores, UI, React or zustand; the engine is injected.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(state|ui|cli)/|^node_modules/(react|react-dom|zustand)' },
    },
    {
      name: 'engine-below-state',
      comment: 'src/engine never imports stores, workbook files or UI.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(app|state|ui|workbook|cli|i18n)/' },
    },
    {
      name: 'workbook-below-state',
      severity: 'error',
      from: { path: '^src/workbook/' },
      to: { path: '^src/(app|state|ui|cli)/' },
    },
    {
      name: 'state-below-ui',
      severity: 'error',
      from: { path: '^src/state/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'i18n-reads-core-only',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(app|engine|state|ui|workbook|cli)/' },
    },
    {
      name: 'ui-not-engine',
      comment: 'The UI reaches the engine through stores and services (src/app).',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/engine/' },
    },
    {
      name: 'cli-calls-services',
      comment: 'The CLI computes through src/app services; it builds no store.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(state|ui)/' },
    },
    {
      name: 'nothing-imports-entry-points',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'dialects-through-registry',
      comment:
        'Only the registry of dialects names a concrete one; everything else asks it by name (src/core/sql/dialects/registry.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/core/sql/dialects/' },
      to: { path: '^src/core/sql/dialects/(?!registry\\.ts$)' },
    },
    {
      name: 'core-is-given-its-dialect',
      comment:
        'Core SQL builders are given the Dialect of the engine they run on (src/engine/engineDialect.ts); none picks one from the registry. ' +
        "Allowed: the dialects themselves, and the notebook's SQL cell (the user's own DuckDB SQL, judged by DuckDB's guard).",
      severity: 'error',
      from: {
        path: '^src/core/',
        pathNot: ['^src/core/sql/dialects/', '^src/core/notebook/kinds/sql\\.ts$'],
      },
      to: { path: '^src/core/sql/dialects/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Type-only imports (the i18n catalogues typing themselves by `t`) do not count.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
