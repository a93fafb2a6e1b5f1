/**
 * What measure-activation.ts writes for `npm run bench` (scripts/bench/activation.ts reads it).
 * No imports: the benchmark, compiled apart from this suite, imports the type from here.
 */
export interface ActivationFigures {
  /** Wall time of `extension.activate()` from this test: everything the extension host does. */
  activateMs: number;
  /** VS Code's own account, from the extension host's performance marks (millisecond clock). */
  codeLoadingMs: number;
  activateCallMs: number;
  /**
   * The rest of the wall time is the host's own work, the same for any extension: before loading
   * our code (localisation), between loading and calling activate() (the extension context and its
   * storage, over RPC), and after activate() returns.
   */
  hostBeforeLoadMs: number;
  hostContextMs: number;
  hostAfterActivateMs: number;
  /** OneNode only (the control extension has no diagnostics). */
  firstDiagnosticsMs?: number;
}
