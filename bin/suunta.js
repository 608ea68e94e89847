#!/usr/bin/env node
// Entry point of the `suunta` command. Runs the built bundle (dist/suunta.mjs, made by
// `npm run build`) when SUUNTA_USE_BUILD=1, otherwise the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/suunta.mjs', import.meta.url);
let main;
if (process.env.SUUNTA_USE_BUILD === '1' && existsSync(fileURLToPath(bundle))) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ main } = await import('../src/cli/main.ts'));
}
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
