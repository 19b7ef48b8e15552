/** One message to one recipient: all a signup flow needs to say. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * What the services need from "sending mail". The signup flow depends on this interface only; which
 * transport sits behind it (an outbox table, SMTP, a recorder in a test) is the composition root's choice.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
