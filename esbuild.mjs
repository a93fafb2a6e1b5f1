// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { ONENODE_VERSION: JSON.stringify(pkg.version) },
  // yaml-language-server 2.x and kubernetes-models are ESM; prefer their module entry points.
  mainFields: ['module', 'main'],
  // yaml-language-server's formatter pulls in prettier (megabytes); OneNode does not format.
  alias: {
    'prettier/standalone': './server/src/stubs/prettier.ts',
    'prettier/plugins/yaml': './server/src/stubs/prettier.ts',
    'prettier/plugins/estree': './server/src/stubs/prettier.ts',
  },
};

// ssh2 (preflight over SSH) loads optional native add-ons inside try/catch and falls back to pure
// JavaScript; left out of the bundle, they are not found at run time and the fallback is used.
const SSH2_NATIVE = ['cpu-features', '*.node'];

await Promise.all([
  // The entry point stays small; the language client and everything using it is dist/session.js,
  // loaded after activation (see client/src/extension.ts).
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { session: 'client/src/session.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', external: SSH2_NATIVE }),
  // The CLI's preflight and deploy commands are separate files that cli.js loads by path when used
  // (see server/src/cli.ts), so `onenode check` does not load SSH and the Kubernetes client.
  build({
    ...common,
    entryPoints: { cli: 'server/src/cli.ts', 'cli/preflight-command': 'server/src/cli/preflight-command.ts', 'cli/deploy-command': 'server/src/cli/deploy-command.ts' },
    outdir: 'dist',
    external: SSH2_NATIVE,
  }),
]);
