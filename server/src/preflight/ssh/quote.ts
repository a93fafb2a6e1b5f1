/**
 * The one place a remote command line is formed. SSH runs a command through the login shell, so
 * each argv element is single-quoted (POSIX, and understood the same by bash, zsh and fish):
 * nothing in an argument, from a config file or the user, can become shell syntax.
 */
export function quoteArg(arg: string): string {
  if (arg.includes('\0')) throw new Error('a command argument cannot contain a NUL byte');
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new Error('empty command');
  return argv.map(quoteArg).join(' ');
}
