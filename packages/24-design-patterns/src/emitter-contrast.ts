import { EventEmitter } from 'node:events';
import { runNode } from '@lab/common/workers';

/** What a plain EventEmitter does when the first of two listeners throws. */
export function emitterWhenAListenerThrows(): { ran: string[]; emitThrew: string | undefined } {
  const emitter = new EventEmitter();
  const ran: string[] = [];
  emitter.on('order.placed', () => {
    ran.push('first');
    throw new Error('mailer down');
  });
  emitter.on('order.placed', () => ran.push('second'));
  try {
    emitter.emit('order.placed', { id: 1 });
    return { ran, emitThrew: undefined };
  } catch (error) {
    return { ran, emitThrew: (error as Error).message };
  }
}

/** `emit('error', …)` with no 'error' listener throws: the Error itself, or ERR_UNHANDLED_ERROR around a non-Error. */
export function errorEventWithoutListener(value: unknown): { threw: unknown; code: string | undefined } {
  try {
    new EventEmitter().emit('error', value);
    return { threw: undefined, code: undefined };
  } catch (error) {
    return { threw: error, code: (error as { code?: string }).code };
  }
}

/** With `captureRejections: true`, an async listener's rejection is re-emitted as 'error'. */
export async function capturedRejection(): Promise<string> {
  const emitter = new EventEmitter({ captureRejections: true });
  const routed = new Promise<string>((resolve) =>
    emitter.on('error', (error: Error) => resolve(error.message)),
  );
  emitter.on('order.placed', async () => {
    throw new Error('async listener failed');
  });
  emitter.emit('order.placed', { id: 1 });
  return routed;
}

/**
 * Without captureRejections an async listener's rejection is nobody's: emit() already returned true. It
 * becomes an unhandled rejection, and since Node 15 that ends the process. Run in a child so it can.
 */
export async function uncapturedRejectionInChild(): Promise<{
  exitCode: number | null;
  stderr: string;
  printedAfterEmit: boolean;
}> {
  const script = `import { EventEmitter } from 'node:events';
const emitter = new EventEmitter();
emitter.on('order.placed', async () => { throw new Error('async listener failed'); });
console.log('emit returned', emitter.emit('order.placed', { id: 1 }));
setTimeout(() => console.log('still running'), 200);`;
  const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', script]);
  return {
    exitCode: code,
    stderr,
    printedAfterEmit: stdout.includes('emit returned true') && !stdout.includes('still running'),
  };
}
