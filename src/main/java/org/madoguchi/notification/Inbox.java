package org.madoguchi.notification;

import java.util.UUID;

/** The portal inbox (お知らせ) of a resident account, as other modules see it. */
public interface Inbox {

	/** Messages of the account not opened yet; for the badge on the portal's inbox link. */
	int unreadCount(UUID accountId);
}
