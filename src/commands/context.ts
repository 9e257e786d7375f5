/**
 * What a command gets from the outside world. Commands never reach for
 * process.* themselves, so tests can hand them fakes.
 */
export interface CommandContext {
  /** --content, if given. */
  content: string | undefined;
  /** false with --no-color. */
  color: boolean;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  now: () => Date;
}
