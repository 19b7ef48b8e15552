import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/_text.ts';
import { createNotifier, notifierFactory, type OutgoingMessage, SMS_SEGMENT } from '../src/factory.ts';

function outbox() {
  const sent: OutgoingMessage[] = [];
  return { sent, push: (m: OutgoingMessage) => sent.push(m) };
}

/** The InvalidInputError `run` threw, so a test can assert its field and problem exactly. */
function refusal(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('factory: one lookup table of makers', () => {
  it('makes the notifier of each channel, each formatting for its medium', () => {
    const box = outbox();
    const make = createNotifier(box.push);
    make('email').send('ada@example.com', 'Your order shipped');
    make('sms').send('+441234567890', 'Shipped');
    make('slack').send('orders', 'Order 7 shipped');
    make('slack').send('#ops', 'hi');
    expect(box.sent).toEqual([
      { channel: 'email', to: 'ada@example.com', body: 'Subject: Notification\n\nYour order shipped' },
      { channel: 'sms', to: '+441234567890', body: 'Shipped' },
      { channel: 'slack', to: '#orders', body: 'Order 7 shipped' },
      { channel: 'slack', to: '#ops', body: 'hi' },
    ]);
  });

  it('cuts an SMS at one segment: 160 characters pass as they are, 161 are cut to 159 and an ellipsis', () => {
    const sms = createNotifier(() => {})('sms');
    expect(sms.send('+15550001111', 'x'.repeat(SMS_SEGMENT)).body).toBe('x'.repeat(160));
    expect(sms.send('+15550001111', 'x'.repeat(SMS_SEGMENT + 1)).body).toBe(`${'x'.repeat(159)}…`);
  });

  it('a new channel is a new entry in the table: the factory itself does not change', () => {
    const box = outbox();
    const make = notifierFactory(
      {
        webhook: (out) => ({
          channel: 'webhook',
          send: (to, body) => {
            const message = { channel: 'webhook', to, body };
            out(message);
            return message;
          },
        }),
      },
      box.push,
    );
    expect(make('webhook').send('https://hooks.example/1', '{}')).toEqual({
      channel: 'webhook',
      to: 'https://hooks.example/1',
      body: '{}',
    });
    expect(refusal(() => make('email')).message).toBe("channel: unknown channel 'email' (known: webhook)");
  });

  it('an unknown channel is refused with the known ones and a "did you mean"', () => {
    const error = refusal(() => createNotifier(() => {})('emial'));
    expect(error).toMatchObject({ field: 'channel', problem: 'unknown-value' });
    expect(error.message).toBe(
      "channel: unknown channel 'emial' (known: email, sms, slack); did you mean 'email'?",
    );
    expect(refusal(() => createNotifier(() => {})('fax')).message).not.toContain('did you mean');
  });

  it('names inherited from Object.prototype are not channels', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(refusal(() => createNotifier(() => {})(name)).problem).toBe('unknown-value');
  });

  it.each([
    ['a number', 42, 'not-a-string'],
    ['undefined', undefined, 'not-a-string'],
    ['an object', { channel: 'email' }, 'not-a-string'],
    ['an empty string', '', 'empty'],
    ['NUL', 'em\u0000ail', 'nul'],
    ['a lone surrogate', 'email\ud800', 'lone-surrogate'],
    ['10k characters', 'e'.repeat(10_000), 'too-long'],
  ])('a channel that is %s is refused at the boundary (%s)', (_, channel, problem) => {
    expect(refusal(() => createNotifier(() => {})(channel))).toMatchObject({ field: 'channel', problem });
  });

  it('checks recipients and messages per channel, and sends nothing it refused', () => {
    const box = outbox();
    const make = createNotifier(box.push);
    expect(refusal(() => make('email').send('not-an-address', 'x')).message).toBe(
      'recipient: not an email address',
    );
    expect(refusal(() => make('sms').send('12345', 'x')).message).toBe('recipient: not an E.164 number');
    expect(refusal(() => make('slack').send('#ops', 'a\u0000b')).problem).toBe('nul');
    expect(refusal(() => make('slack').send('#ops', 'x'.repeat(10_001))).problem).toBe('too-long');
    expect(make('slack').send('#ops', 'x'.repeat(10_000)).body.length).toBe(10_000);
    expect(refusal(() => make('slack').send('#ops\udc00', 'x')).problem).toBe('lone-surrogate');
    expect(box.sent).toHaveLength(1);
  });

  it('each notifier names its channel', () => {
    const make = createNotifier(() => {});
    expect(['email', 'sms', 'slack'].map((c) => make(c).channel)).toEqual(['email', 'sms', 'slack']);
  });

  it.each([
    ['ada@example.com', true],
    ['a@b', true],
    ['ada@example@com', false],
    ['@example.com', false],
    ['ada@', false],
    ['ada lovelace@example.com', false],
    [' ada@example.com', false],
    ['ada@example.com ', false],
    ['ada@exa mple.com', false],
  ])('email recipient %j accepted: %s', (to, ok) => {
    const send = () => createNotifier(() => {})('email').send(to, 'x');
    if (ok) expect(send().to).toBe(to);
    else expect(refusal(send)).toMatchObject({ field: 'recipient', problem: 'unknown-value' });
  });

  it.each([
    ['+123456', true],
    ['+123456789012345', true],
    ['+12345', false],
    ['+1234567890123456', false],
    ['123456789', false],
    ['+12345x789', false],
    ['x+123456789', false],
    ['+123456789x', false],
    ['++123456789', false],
  ])('sms recipient %j accepted: %s', (to, ok) => {
    const send = () => createNotifier(() => {})('sms').send(to, 'x');
    if (ok) expect(send().to).toBe(to);
    else expect(refusal(send)).toMatchObject({ field: 'recipient', problem: 'unknown-value' });
  });

  it('a refused recipient or message names its field', () => {
    const slack = createNotifier(() => {})('slack');
    expect(refusal(() => slack.send('', 'x'))).toMatchObject({ field: 'recipient', problem: 'empty' });
    expect(refusal(() => slack.send('#'.repeat(321), 'x'))).toMatchObject({
      field: 'recipient',
      problem: 'too-long',
    });
    expect(slack.send('#'.repeat(320), 'x').to).toHaveLength(320);
    expect(refusal(() => slack.send('#ops', ''))).toMatchObject({ field: 'message', problem: 'empty' });
    expect(refusal(() => slack.send('#ops', 7 as unknown as string)).message).toBe(
      'message: must be a string',
    );
  });

  it('a surrogate pair (an emoji) is well-formed and passes', () => {
    expect(createNotifier(() => {})('slack').send('#ops', 'shipped 📦').body).toBe('shipped 📦');
  });
});
