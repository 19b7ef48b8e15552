/**
 * An interface: structural and erased. Anything with the right members is a Notifier, `implements` or
 * not, and at run time there is nothing to check against. A hand-written guard (Python's
 * `runtime_checkable` plays the same role for `isinstance`) can check that the members are present and
 * are functions, never their parameters or return types.
 */

export interface Notifier {
  readonly channel: string;
  send(to: string, body: string): Promise<void>;
}

/** Declares the interface: `implements` is a compile-time check on this class, nothing more. */
export class EmailNotifier implements Notifier {
  readonly channel = 'email';
  readonly sent: string[] = [];
  async send(to: string, body: string): Promise<void> {
    this.sent.push(`${to}: ${body}`);
  }
}

/** A third-party class that never heard of Notifier, and fits it anyway. */
export class SmsGateway {
  readonly channel = 'sms';
  readonly sent: string[] = [];
  async send(to: string, body: string): Promise<void> {
    this.sent.push(`${to}: ${body.slice(0, 160)}`);
  }
  balance(): number {
    return 100;
  }
}

/** Sends through every notifier; the channels it reached, in order. */
export async function notifyAll(notifiers: readonly Notifier[], to: string, body: string): Promise<string[]> {
  for (const n of notifiers) await n.send(to, body);
  return notifiers.map((n) => n.channel);
}

/**
 * The run-time check for a Notifier: presence and kind of each member. It cannot know that `send` takes
 * two strings or returns a promise; a zero-argument function that returns 42 passes.
 */
export function isNotifier(value: unknown): value is Notifier {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { channel?: unknown; send?: unknown };
  return typeof candidate.channel === 'string' && typeof candidate.send === 'function';
}
