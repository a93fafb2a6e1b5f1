/** `onenode deploy`, a bundle of its own (dist/cli-deploy.js) that cli.ts loads when the command runs. */
export { runDeployCommand } from './cli/deploy-command';
