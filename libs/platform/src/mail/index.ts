export { MailConfigError, MailDeliveryError, MailMessageError, type MailDeliveryFailure } from './mail-errors.js';
export { Mailer, type MailerOptions, type OutgoingMail, type SentMail } from './mailer.js';
export { checkIdempotencyKey, IDEMPOTENCY_KEY_HEADER, messageIdFor } from './message-identity.js';
export { singleRecipient } from './single-recipient.js';
export { isSinkMessageId } from './sink-message-id.js';
export { InvalidSinkMessageIdError, listSinkMessages, readSinkMessage, type SinkMessage, type SinkMessageSummary } from './sink-messages.js';
export { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from './smtp-sink.js';
export { mailFailureOf, type MailFailure } from './mail-failure.js';
