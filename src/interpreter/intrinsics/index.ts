/**
 * ASL intrinsic functions (`States.Format`, `States.MathAdd`, …) for JSONPath states: compiled
 * once from the `.$` text, evaluated per state entry over a `PathScope`.
 */
export { compileIntrinsic, type CompiledIntrinsic } from './compile-intrinsic';
export { INTRINSIC_IMPLEMENTATIONS } from './function-table';
export type { IntrinsicEnvironment, IntrinsicFunction } from './intrinsic-function';
export { renderFormatValue } from './format-function';
