/**
 * `pnpm demo 05 | head` closes the pipe early; that is the reader's choice, not a crash. Only the CLIs that
 * print install this (a library must not decide how its importer exits): the demo and bench runners call
 * it, and every demo process gets it through `--import` of `exit-on-epipe.ts`.
 */
export function exitOnEpipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (stream.listeners('error').includes(onStdoutError)) return;
  stream.on('error', onStdoutError);
}

function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}
