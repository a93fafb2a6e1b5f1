/** Paths the tests use; tests run from out/test/**, compiled from test/**. */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures');
export const RULE_FIXTURES = resolve(FIXTURES, 'rules');
/** The shared corpus of real-world files, read in place (never copied into the repo). */
export const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const DIST = resolve(REPO_ROOT, 'dist');
