/**
 * An error the user can fix (bad setting, missing tool, busy port, unreachable server, bad input file).
 * Command-line entry points print its message alone, without a stack trace, and exit non-zero.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Runs a command-line entry point: prints a UserError as one clear message (no stack trace: the user did nothing
 * wrong with the code), and sets a non-zero exit code on any failure. An unexpected error is a bug: its stack helps.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof UserError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
  }
}
