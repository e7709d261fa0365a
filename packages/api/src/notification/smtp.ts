import type { Transporter } from 'nodemailer';
import { loadMailer } from '../lazy';
import type { Mailer } from './mailer';

export interface SmtpConfig {
  /** e.g. `smtps://user:pass@smtp.example.com:465` or `smtp://relay.internal:25`. */
  url: string;
  /** The sender, e.g. `文明创建管理平台 <noreply@example.com>`. */
  from: string;
  /** Prefixed to the platform paths notifications link to, so a mail's link opens the page. */
  publicUrl?: string | undefined;
}

/** Email copies of the inbox through an SMTP server (nodemailer). */
export function createSmtpMailer(config: SmtpConfig): Mailer & { close(): void } {
  let transport: Promise<Transporter> | undefined;
  const connect = () => {
    transport ??= loadMailer().then((m) => m.createTransport(config.url));
    return transport;
  };
  const base = config.publicUrl?.replace(/\/$/, '') ?? '';
  return {
    from: config.from,
    async send(message) {
      const text = base
        ? message.text.replace(/(^|\n)(\/(?:console|portal)\/\S*)/g, `$1${base}$2`)
        : message.text;
      await (await connect()).sendMail({ from: config.from, to: message.to, subject: message.subject, text });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
