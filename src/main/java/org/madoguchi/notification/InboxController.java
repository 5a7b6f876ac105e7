package org.madoguchi.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.accounts.ResidentAccounts;
import org.madoguchi.notification.JdbcInbox.InboxMessage;
import org.madoguchi.platform.NotFoundException;

/**
 * The resident's inbox (お知らせ) in the portal. Sign-in is enforced by the portal's filter chain; here a
 * message is looked up by the signed-in account and its id together, so another account's message is
 * "not found", never shown.
 */
@Controller
class InboxController {

	static final int PAGE_SIZE = 20;

	private static final int MAX_PAGE = 10_000;

	private final JdbcInbox inbox;

	private final ObjectProvider<ResidentAccounts> accounts;

	InboxController(JdbcInbox inbox, ObjectProvider<ResidentAccounts> accounts) {
		this.inbox = inbox;
		this.accounts = accounts;
	}

	@GetMapping("/portal/inbox")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Optional<ResidentAccount> resident = current();
		if (resident.isEmpty()) {
			return "redirect:/portal/login";
		}
		UUID account = resident.get().id();
		int p = Math.max(0, Math.min(page, MAX_PAGE));
		int total = inbox.count(account);
		List<InboxMessage> messages = inbox.page(account, p, PAGE_SIZE);
		model.addAttribute("messages", messages);
		model.addAttribute("total", total);
		model.addAttribute("page", p);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < total);
		model.addAttribute("unreadCount", inbox.unreadCount(account));
		model.addAttribute("activeNav", "inbox");
		return "notification/inbox";
	}

	@GetMapping("/portal/inbox/{id}")
	String show(@PathVariable String id, Model model) {
		Optional<ResidentAccount> resident = current();
		if (resident.isEmpty()) {
			return "redirect:/portal/login";
		}
		UUID account = resident.get().id();
		UUID messageId = parse(id);
		InboxMessage message = inbox.find(account, messageId).orElseThrow(() -> new NotFoundException("message"));
		if (message.unread()) {
			inbox.markRead(account, messageId, Instant.now());
		}
		model.addAttribute("message", message);
		model.addAttribute("lines", message.body().split("\n", -1));
		model.addAttribute("unreadCount", inbox.unreadCount(account));
		model.addAttribute("activeNav", "inbox");
		return "notification/message";
	}

	private Optional<ResidentAccount> current() {
		ResidentAccounts residents = accounts.getIfAvailable();
		return residents == null ? Optional.empty() : residents.current();
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("message");
		}
	}
}
