/** SSH for preflight (ssh2), a bundle of its own (dist/preflight-ssh.js) loaded on the first SSH preflight. */
export { connectSsh } from './preflight/ssh/connect';
