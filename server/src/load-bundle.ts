/**
 * Loads a module that esbuild.mjs bundles as an entry point of its own, by its path at run time,
 * so its code (the Kubernetes client, ssh2) is read and compiled only when first used instead of
 * with every language server or CLI start. Every bundle is a file directly in dist/, and each of
 * these entry points is a file directly in server/src/ (out/server/src/ in the tsc output the
 * tests run), so `<__dirname>/<name>.js` finds it from any bundle and from the tsc output alike.
 */
import { join } from 'node:path';

export type SeparateBundle = 'cli-preflight' | 'cli-deploy' | 'deploy-cluster' | 'preflight-ssh';

export function loadBundle<T>(name: SeparateBundle): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time path, not a module to bundle
  return require(join(__dirname, `${name}.js`)) as T;
}
