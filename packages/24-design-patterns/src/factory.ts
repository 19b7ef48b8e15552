import { closestMatch } from '@lab/common/text';
import { checkedText, InvalidInputError } from './_text.ts';

/** What a notifier hands to the outbox: one message, already formatted for its channel. */
export interface OutgoingMessage {
  channel: string;
  to: string;
  body: string;
}

/** The product the factory makes: every channel is used the same way. */
export interface Notifier {
  readonly channel: string;
  send(recipient: string, message: string): OutgoingMessage;
}

/** Where messages go (a queue in production); injected so a notifier has no I/O of its own. */
export type Outbox = (message: OutgoingMessage) => void;

/** One entry per channel: a function that builds its notifier. Adding a channel adds an entry, no switch. */
export type NotifierMakers = Readonly<Record<string, (outbox: Outbox) => Notifier>>;

/** SMS bodies longer than one segment are split (and billed) per segment by carriers. */
export const SMS_SEGMENT = 160;

const notifier = (
  channel: string,
  outbox: Outbox,
  format: (to: string, text: string) => OutgoingMessage,
) => ({
  channel,
  send(recipient: string, message: string): OutgoingMessage {
    const out = format(checkedText('recipient', recipient, 320), checkedText('message', message, 10_000));
    outbox(out);
    return out;
  },
});

export const defaultMakers = {
  email: (outbox: Outbox) =>
    notifier('email', outbox, (to, text) => {
      if (!/^[^@\s]+@[^@\s]+$/.test(to))
        throw new InvalidInputError('recipient', 'unknown-value', 'not an email address');
      return { channel: 'email', to, body: `Subject: Notification\n\n${text}` };
    }),
  sms: (outbox: Outbox) =>
    notifier('sms', outbox, (to, text) => {
      if (!/^\+\d{6,15}$/.test(to))
        throw new InvalidInputError('recipient', 'unknown-value', 'not an E.164 number');
      const body = text.length > SMS_SEGMENT ? `${text.slice(0, SMS_SEGMENT - 1)}…` : text;
      return { channel: 'sms', to, body };
    }),
  slack: (outbox: Outbox) =>
    notifier('slack', outbox, (to, text) => ({
      channel: 'slack',
      to: to.startsWith('#') ? to : `#${to}`,
      body: text,
    })),
} satisfies NotifierMakers;

export type Channel = keyof typeof defaultMakers;

/**
 * The factory: a lookup table of makers, closed over. It takes `unknown` because the channel usually comes
 * from configuration or a request; a typo gets a "did you mean" instead of a generic failure.
 */
export function notifierFactory(makers: NotifierMakers, outbox: Outbox): (channel: unknown) => Notifier {
  const known = Object.keys(makers);
  return (channel) => {
    const name = checkedText('channel', channel, 64);
    // Object.hasOwn, not `in`: `createNotifier('toString')` must not find Object.prototype.toString.
    const make = Object.hasOwn(makers, name) ? makers[name] : undefined;
    if (!make) {
      const near = closestMatch(name, known);
      const hint = near ? `; did you mean '${near}'?` : '';
      throw new InvalidInputError(
        'channel',
        'unknown-value',
        `unknown channel '${name}' (known: ${known.join(', ')})${hint}`,
      );
    }
    return make(outbox);
  };
}

/** The factory with the built-in channels. */
export const createNotifier = (outbox: Outbox) => notifierFactory(defaultMakers, outbox);
