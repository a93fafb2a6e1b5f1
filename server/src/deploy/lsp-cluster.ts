/** What the language server's deploy needs from the cluster code, loaded on first use (see lsp.ts). */
export { loadKubeconfig } from './kube/kubeconfig';
export { planChangesSomething } from './plan';
export { applyAndWait, connect, planDeploy, reportFailed } from './run';
