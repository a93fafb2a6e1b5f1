// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

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

// yaml-language-server compiles the JSON meta-schema validators of four drafts (04, 07, 2019-09,
// 2020-12) when its schema service module loads: about 100 ms of every language server start, for
// a check it makes only when a schema is first resolved. This compiles each on first use instead.
// The build fails if the library's code no longer has the expected shape, rather than silently
// bundling it unchanged.
const lazyMetaSchemaValidators = {
  name: 'lazy-meta-schema-validators',
  setup(b) {
    b.onLoad({ filter: /yaml-language-server[\\/]out[\\/]src[\\/]languageservice[\\/]services[\\/]yamlSchemaService\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      const names = [];
      text = text.replace(/^const (schema\w+Validator) = getDefaultMetaSchemaValidator\((ajv\w+)\);$/gm, (_, name, ajv) => {
        names.push(name);
        return `let ${name}Compiled; const ${name} = () => (${name}Compiled ??= getDefaultMetaSchemaValidator(${ajv}));`;
      });
      for (const name of names) {
        const uses = text.split(`return ${name};`).length - 1;
        if (uses !== 1) throw new Error(`${args.path}: expected one "return ${name};", found ${uses}`);
        text = text.replace(`return ${name};`, `return ${name}();`);
      }
      if (names.length !== 4) throw new Error(`${args.path}: expected 4 eager meta-schema validators, found ${names.length}`);
      return { contents: text, loader: 'js' };
    });
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
  // The language server; the code only deploy and SSH preflight use is in bundles of its own,
  // loaded by path when first used (see server/src/load-bundle.ts), so it is not read at start.
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist', external: SSH2_NATIVE, plugins: [lazyMetaSchemaValidators] }),
  build({ ...common, entryPoints: { 'deploy-cluster': 'server/src/deploy-cluster.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { 'preflight-ssh': 'server/src/preflight-ssh.ts' }, outdir: 'dist', external: SSH2_NATIVE }),
  // The CLI: `check` in cli.js; preflight and deploy are loaded by path when those commands run.
  build({
    ...common,
    entryPoints: { cli: 'server/src/cli.ts', 'cli-preflight': 'server/src/cli-preflight.ts', 'cli-deploy': 'server/src/cli-deploy.ts' },
    outdir: 'dist',
    external: SSH2_NATIVE,
  }),
]);
