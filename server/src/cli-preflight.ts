/** `onenode preflight`, a bundle of its own (dist/cli-preflight.js) that cli.ts loads when the command runs. */
export { runPreflightCommand } from './cli/preflight-command';
