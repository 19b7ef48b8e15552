import { type Queryable, runMigration } from '@lab/project-structure';
import type pg from 'pg';
import type { Mailer, MailMessage } from './mailer.ts';

export interface OutboxRow extends MailMessage {
  id: number;
  requestId: string | null;
}

export interface OutboxMailerOptions {
  /**
   * The id of the request the mail belongs to, read at send time. A function, not a value: the mailer is a
   * singleton built once, the request id changes per request (the composition root passes a reader of the
   * request scope).
   */
  requestId?: () => string | undefined;
}

/**
 * A real `Mailer` with no network: it writes the message to a `mail_outbox` table, where a relay process
 * would pick it up and talk SMTP. Built on a `Queryable`, so on a transaction-scoped one the row commits or
 * rolls back with the rest of the unit of work (the transactional-outbox pattern: no mail for a signup that
 * never happened, no signup whose mail was lost).
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Queryable,
    private readonly options: OutboxMailerOptions = {},
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.db.query(
      'INSERT INTO mail_outbox (recipient, subject, body, request_id) VALUES ($1, $2, $3, $4)',
      [message.to, message.subject, message.text, this.options.requestId?.() ?? null],
    );
  }
}

const OUTBOX_SQL = `
  CREATE TABLE IF NOT EXISTS mail_outbox (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    request_id text,
    created_at timestamptz NOT NULL DEFAULT now()
  )`;

/** Creates the outbox table if it is missing (serialised per schema by topic 21's `runMigration`). */
export function migrateOutbox(pool: pg.Pool): Promise<void> {
  return runMigration(pool, 'lab-23-outbox', OUTBOX_SQL);
}

/** The outbox, oldest first: what the relay would send next. */
export async function readOutbox(db: Queryable): Promise<OutboxRow[]> {
  const { rows } = await db.query<{
    id: number;
    recipient: string;
    subject: string;
    body: string;
    request_id: string | null;
  }>('SELECT id, recipient, subject, body, request_id FROM mail_outbox ORDER BY id');
  return rows.map((row) => ({
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    requestId: row.request_id,
  }));
}
