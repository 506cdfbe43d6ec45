/**
 * The two ways an intrinsic call fails while it runs. Both end as `States.Runtime` (recorded on
 * AWS: intrinsic failures are not `States.IntrinsicFailure`, whatever the spec says), with a
 * cause naming the whole expression as written: `The function '<text>' had the following error: …`.
 * The state-level prefix (`An error occurred while executing the state 'X' (entered at the event
 * id #N). `) is the engine's to add, since only it knows the state and the event id.
 */

/** A function received arguments it cannot work with (wrong type, out of range, bad format). */
export class InvalidIntrinsicArguments extends Error {
  constructor(
    readonly functionName: string,
    /** Why, for someone debugging; AWS's cause only says "Invalid arguments in <name>". */
    readonly reason: string,
  ) {
    super(`Invalid arguments in ${functionName}`);
    this.name = 'InvalidIntrinsicArguments';
  }
}

/** A path argument (`$.a`, `$$.a`, `$var.a`) selected nothing. */
export class MissingIntrinsicArgument extends Error {
  constructor(readonly path: string) {
    super(`The JsonPath argument for the field '${path}' could not be found`);
    this.name = 'MissingIntrinsicArgument';
  }
}

/** Shorthand used by the function families. */
export function invalidArguments(functionName: string, reason: string): InvalidIntrinsicArguments {
  return new InvalidIntrinsicArguments(functionName, reason);
}
