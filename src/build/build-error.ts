/**
 * A problem that stops the build before anything is written: a type error in `workflows/`, a
 * module that fails to load, a workflow that does not compile, two workflows with one name.
 * The message is complete and meant for the user as is (file, workflow and what to do).
 */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}
