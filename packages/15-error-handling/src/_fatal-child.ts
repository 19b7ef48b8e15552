// Entry for the test and the demo: a real process with the fatal handlers installed, then a rejection
// nobody handles. Argument: 'install' or 'bare'.
import { ValidationError } from './app-error.ts';
import { exitOnFatalErrors } from './fatal.ts';

if (process.argv[2] === 'install')
  exitOnFatalErrors(process, {
    log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`),
    exit: (code) => process.exit(code),
  });
void Promise.reject(
  new ValidationError('config is broken', 'bad_config', { cause: new SyntaxError('Unexpected token') }),
);
setTimeout(() => process.stdout.write('still running\n'), 50);
