/**
 * ASL intrinsic functions (`States.Format`, `States.MathAdd`, …) for JSONPath states: prepared
 * once from the `.$` text, evaluated per state entry over a `PathScope`.
 */
export { prepareIntrinsic, type PreparedIntrinsic } from './prepare-intrinsic';
export { INTRINSIC_IMPLEMENTATIONS } from './function-table';
export type { IntrinsicEnvironment, IntrinsicFunction } from './intrinsic-function';
export { renderFormatValue } from './format-function';
