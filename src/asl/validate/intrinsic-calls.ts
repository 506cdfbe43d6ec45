/** Intrinsic function calls in `.$` values and Fail `ErrorPath`/`CausePath` (§4). */
import { IntrinsicSyntaxError, parseIntrinsic, type IntrinsicCall } from '../intrinsic-syntax';

/** The parsed call, or the parser's reason for rejecting it. */
export function parseIntrinsicOrProblem(text: string): { call: IntrinsicCall } | { problem: string } {
  try {
    return { call: parseIntrinsic(text) };
  } catch (thrown) {
    if (thrown instanceof IntrinsicSyntaxError) return { problem: thrown.message };
    throw thrown;
  }
}
