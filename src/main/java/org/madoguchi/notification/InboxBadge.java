package org.madoguchi.notification;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.madoguchi.accounts.ResidentAccounts;

/**
 * Puts {@code unreadCount} (the badge on the inbox link of {@code fragments/portal-layout.html}) into the
 * model of every portal page. Done here so that the modules with portal pages (accounts, applications)
 * need not call {@link Inbox}: they are the ones this module listens to, and calling back would make
 * a cycle between modules.
 */
@ControllerAdvice
class InboxBadge {

	private final Inbox inbox;

	private final ObjectProvider<ResidentAccounts> accounts;

	InboxBadge(Inbox inbox, ObjectProvider<ResidentAccounts> accounts) {
		this.inbox = inbox;
		this.accounts = accounts;
	}

	@ModelAttribute
	void unreadCount(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod()) || model.containsAttribute("unreadCount")
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/portal")) {
			return;
		}
		ResidentAccounts residents = accounts.getIfAvailable();
		if (residents != null) {
			residents.current().ifPresent(r -> model.addAttribute("unreadCount", inbox.unreadCount(r.id())));
		}
	}
}
