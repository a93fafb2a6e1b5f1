/** The version of this build, injected by esbuild from package.json (see esbuild.mjs). */
declare const ONENODE_VERSION: string | undefined;

export const VERSION: string = typeof ONENODE_VERSION === 'string' ? ONENODE_VERSION : '0.0.0-dev';
