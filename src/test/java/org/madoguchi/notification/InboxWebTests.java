package org.madoguchi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.madoguchi.accounts.ResidentAccount;
import org.madoguchi.applications.ApplicationStatus;
import org.madoguchi.applications.ApplicationStatusChanged;
import org.madoguchi.procedures.Assurance;

/**
 * The portal inbox: a status change of an application filed with an account becomes a message for that
 * account only. Sign-in to the portal belongs to the accounts module; here the signed-in resident is what
 * the (mocked) {@code ResidentAccounts.current()} returns, and the request carries a user so that any
 * security chain lets it through.
 */
class InboxWebTests extends NotificationTestSupport {

	/**
	 * A request that any portal chain lets through: authenticated, with the authority the accounts module
	 * gives residents (ROLE_RESIDENT). Who the resident is comes from the mocked ResidentAccounts.
	 */
	static final RequestPostProcessor RESIDENT = user("resident").roles("RESIDENT");

	@Autowired
	MockMvc mvc;

	@Test
	void theInboxListsOnlyTheAccountsOwnMessagesNewestFirstAndAnotherAccountsMessageIsNotFound() throws Exception {
		UUID hanako = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		ApplicationStatusChanged first = changed("juminhyo-copy", hanako, null, "ja", ApplicationStatus.IN_REVIEW, null, null);
		ApplicationStatusChanged notHers = changed("juminhyo-copy", other, null, "ja", ApplicationStatus.REJECTED,
				"他の人への理由", null);
		publishCommitted(first, notHers);
		ApplicationStatusChanged second = changed("juminhyo-copy", hanako, null, "ja", ApplicationStatus.ACCEPTED, null, 300);
		publishCommitted(second);
		signedIn(hanako);

		String page = mvc.perform(get("/portal/inbox").with(RESIDENT).cookie(residentSession()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<h1>お知らせ</h1>")
			.contains("全 2 件（未読 2 件）")
			.contains("審査を開始しました（受付番号 " + first.receiptNumber() + "）")
			.contains("【東雲野市】住民票の写しの請求を受け付けました（" + second.receiptNumber() + "）")
			.doesNotContain(notHers.receiptNumber())
			.containsPattern("href=\"/portal/inbox\"\\s+aria-current=\"page\"")
			.contains("<span class=\"badge\">2</span>");
		assertThat(page.indexOf(second.receiptNumber())).isLessThan(page.indexOf(first.receiptNumber()));
		assertThat(inbox.unreadCount(hanako)).isEqualTo(2);

		UUID hers = messageId(hanako, first.applicationId());
		UUID theirs = messageId(other, notHers.applicationId());
		mvc.perform(get("/portal/inbox/" + theirs).with(RESIDENT)).andExpect(status().isNotFound());
		mvc.perform(get("/portal/inbox/not-a-uuid").with(RESIDENT)).andExpect(status().isNotFound());
		assertThat(inbox.unreadCount(other)).isEqualTo(1);

		String message = mvc.perform(get("/portal/inbox/" + hers).with(RESIDENT))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(message).contains("<h1>審査を開始しました（受付番号 " + first.receiptNumber() + "）</h1>")
			.contains("の審査を開始しました。<br>")
			.contains("href=\"/portal/applications/" + first.applicationId() + "\"");
		assertThat(inbox.unreadCount(hanako)).isEqualTo(1);
		assertThat(mvc.perform(get("/portal/inbox").with(RESIDENT)).andReturn().getResponse()
			.getContentAsString()).contains("全 2 件（未読 1 件）");
	}

	@Test
	void theInboxShowsTwentyMessagesAPageAndEscapesWhatApplicantsTyped() throws Exception {
		UUID account = UUID.randomUUID();
		List<Object> changes = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			changes.add(new ApplicationStatusChanged(UUID.randomUUID(), "R8-P" + i, "juminhyo-copy", 1, account, null,
					"<script>alert(1)</script>", "en", ApplicationStatus.IN_REVIEW, ApplicationStatus.REJECTED,
					"<b>no</b>", null, java.time.Instant.now()));
		}
		publishCommitted(changes.toArray());
		signedIn(account);

		String first = mvc.perform(get("/portal/inbox").with(RESIDENT))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(count(first, "href=\"/portal/inbox/")).isEqualTo(20);
		assertThat(first).contains("href=\"/portal/inbox?page=1\"");
		String second = mvc.perform(get("/portal/inbox").param("page", "1").with(RESIDENT))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(count(second, "href=\"/portal/inbox/")).isEqualTo(1);

		UUID any = jdbc.queryForObject("SELECT id FROM notification_inbox WHERE account_id = ? FETCH FIRST 1 ROWS ONLY",
				UUID.class, account);
		String message = mvc.perform(get("/portal/inbox/" + any).with(RESIDENT))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(message).doesNotContain("<b>no</b>").contains("&lt;b&gt;no&lt;/b&gt;")
			.doesNotContain("<script>alert");
	}

	@Test
	void withoutASignedInResidentTheInboxSendsToSignIn() throws Exception {
		when(accounts.current()).thenReturn(Optional.empty());
		mvc.perform(get("/portal/inbox").with(RESIDENT))
			.andExpect(status().is3xxRedirection());
	}

	/** The session key under which the accounts module keeps the resident's sign-in (see portal-layout.html). */
	static final String RESIDENT_CONTEXT = "MADOGUCHI_RESIDENT_CONTEXT";

	@Autowired
	SessionRepository<? extends Session> sessions;

	/**
	 * A stored session (Spring Session JDBC) holding a resident's sign-in as the accounts module keeps it, so
	 * that the portal layout shows the signed-in menu with the inbox link and its badge.
	 */
	private Cookie residentSession() {
		return store(sessions);
	}

	private static <S extends Session> Cookie store(SessionRepository<S> sessions) {
		S session = sessions.createSession();
		SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("東雲 花子",
				null, List.of(new SimpleGrantedAuthority("ROLE_RESIDENT"))));
		session.setAttribute(RESIDENT_CONTEXT, context);
		sessions.save(session);
		return new Cookie("SESSION", Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8)));
	}

	private void signedIn(UUID account) {
		when(accounts.current()).thenReturn(Optional.of(new ResidentAccount(account, randomEmail(), "東雲 花子",
				"シノノメ ハナコ", LocalDate.of(1990, 4, 1), "0431234567", "260-0001", "千葉県東雲野市中央一丁目1番1号", null,
				"ja", true, null, Assurance.ACCOUNT)));
	}

	private UUID messageId(UUID account, UUID application) {
		return jdbc.queryForObject("SELECT id FROM notification_inbox WHERE account_id = ? AND application_id = ?",
				UUID.class, account, application);
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}
}
