// UserError: a problem with what the user gave us (a missing or corrupt ELF file, a bad
// option). The CLI prints its message as one line and exits with status 1; any other
// exception is a bug and keeps its stack.

export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}
