/**
 * What the language server's deploy needs from the cluster code (and the Kubernetes client library
 * under it): a bundle of its own (dist/deploy-cluster.js), loaded on the first command that talks
 * to a cluster (see load-bundle.ts and deploy/lsp.ts).
 */
export { loadKubeconfig } from './deploy/kube/kubeconfig';
export { planChangesSomething } from './deploy/plan';
export { applyAndWait, connect, planDeploy, reportFailed } from './deploy/run';
