package org.madoguchi.notification;

/**
 * The outgoing mail queue. Mail is queued by the notification module itself (from events) and sent by a
 * scheduled sender every few seconds; this lets tests and the development flow send without waiting.
 */
public interface MailOutbox {

	/**
	 * Claims the mails that are due and sends them now, batch after batch until none is left. Safe to call
	 * while other nodes or threads send: a mail is claimed by one sender only.
	 *
	 * @return how many mails this call sent
	 */
	int sendDueNow();
}
