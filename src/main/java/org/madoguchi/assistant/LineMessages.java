package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The assistant's replies as LINE messages: plain text (LINE shows no HTML or Markdown) with the choices as quick
 * replies (クイックリプライ) whose buttons send a postback ({@link LinePostback}). Keeps within LINE's limits: a text
 * of at most {@value #MAX_TEXT} characters, at most {@value #MAX_QUICK_REPLIES} quick replies, labels of at most
 * {@value #MAX_LABEL} characters.
 */
@Component
class LineMessages {

	static final int MAX_TEXT = 5000;

	static final int MAX_QUICK_REPLIES = 13;

	static final int MAX_LABEL = 20;

	static final int MAX_DISPLAY_TEXT = 300;

	/** The body of {@code POST /v2/bot/message/reply}. */
	record ReplyRequest(String replyToken, List<Message> messages) {
	}

	/** A text message; {@code quickReply} is left out of the JSON when there is none. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Message(String type, String text, QuickReply quickReply) {

		static Message text(String text) {
			return new Message("text", fit(text, MAX_TEXT), null);
		}

		Message withQuickReplies(List<QuickReplyItem> items) {
			return items.isEmpty() ? this
					: new Message(type, text, new QuickReply(List.copyOf(items.subList(0, Math.min(items.size(),
							MAX_QUICK_REPLIES)))));
		}
	}

	record QuickReply(List<QuickReplyItem> items) {
	}

	record QuickReplyItem(String type, PostbackAction action) {

		/** A button labelled {@code label} that sends {@code postback} and shows {@code shown} as the resident's message. */
		static QuickReplyItem postback(String label, LinePostback postback, String shown) {
			return new QuickReplyItem("action", new PostbackAction("postback", fit(label, MAX_LABEL), postback.data(),
					fit(shown, MAX_DISPLAY_TEXT)));
		}
	}

	record PostbackAction(String type, String label, String data, String displayText) {
	}

	private static final Locale JA = Locale.JAPANESE;

	private final MessageSource messages;

	private final String publicUrl;

	LineMessages(MessageSource messages, @Value("${madoguchi.public-url:http://localhost:8080}") String publicUrl) {
		this.messages = messages;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** The reply as one LINE message (LINE allows up to five; one keeps the quick replies next to the text). */
	List<Message> of(Reply reply) {
		return List.of(switch (reply.kind()) {
			case ANSWER -> answer(reply);
			case CANDIDATES, CATEGORY -> choices(reply);
			case NONE, FEEDBACK -> withContact(reply);
			case SMALLTALK, INVALID -> Message.text(reply.message());
		});
	}

	/** A text of this module's own (greeting, notices), from the bundle. */
	List<Message> text(String code, Object... args) {
		return List.of(Message.text(msg(code, args)));
	}

	private Message answer(Reply reply) {
		Reply.Answer a = reply.answer();
		String head = "【" + a.question() + "】\n\n";
		StringBuilder tail = new StringBuilder("\n\n").append(msg("assistant.line.answer.department", a.department(),
				a.phone()));
		if (a.url() != null && !a.url().isBlank()) {
			tail.append('\n').append(msg("assistant.line.answer.url", absolute(a.url())));
		}
		if (a.procedureUrl() != null) {
			tail.append('\n').append(msg("assistant.line.answer.procedure", a.procedureName(), absolute(a.procedureUrl())));
		}
		if (reply.turn() != null) {
			tail.append("\n\n").append(msg("assistant.line.answer.helpful"));
		}
		// the answer text gives way when the whole would be too long: the contact lines must stay
		String body = fit(a.text(), Math.max(1, MAX_TEXT - head.length() - tail.length()));
		Message m = Message.text(head + body + tail);
		if (reply.turn() == null) {
			return m;
		}
		String yes = msg("assistant.line.vote.helpful");
		String no = msg("assistant.line.vote.unhelpful");
		return m.withQuickReplies(List.of(QuickReplyItem.postback(yes, new LinePostback.Vote(reply.turn(), true), yes),
				QuickReplyItem.postback(no, new LinePostback.Vote(reply.turn(), false), no)));
	}

	/** Candidates or a topic's questions: numbered in the text (labels are cut short), one button each. */
	private Message choices(Reply reply) {
		StringBuilder text = new StringBuilder(reply.message());
		List<QuickReplyItem> items = new ArrayList<>();
		int n = 0;
		for (Reply.Candidate c : reply.candidates()) {
			if (n == MAX_QUICK_REPLIES) {
				break;
			}
			n++;
			text.append('\n').append(n).append(". ").append(c.question());
			items.add(QuickReplyItem.postback(n + ". " + c.question(), new LinePostback.Pick(c.id(), reply.turn()),
					c.question()));
		}
		return Message.text(text.toString()).withQuickReplies(items);
	}

	/** No answer (or an unhelpful one): the apology, whom to ask, and the topics as buttons. */
	private Message withContact(Reply reply) {
		StringBuilder text = new StringBuilder(reply.message());
		Reply.Contact contact = reply.contact();
		if (contact != null) {
			text.append("\n\n").append(contact.text());
			if (contact.url() != null && !contact.url().isBlank()) {
				text.append('\n').append(msg("assistant.line.contact.form", absolute(contact.url())));
			}
		}
		List<QuickReplyItem> items = reply.categories()
			.stream()
			.map(c -> QuickReplyItem.postback(c.name(), new LinePostback.Category(c.code()), c.name()))
			.toList();
		return Message.text(text.toString()).withQuickReplies(items);
	}

	/** Links in LINE must be absolute: the portal's own paths get {@code madoguchi.public-url} in front. */
	String absolute(String url) {
		return url.startsWith("/") ? publicUrl + url : url;
	}

	private String msg(String code, Object... args) {
		return messages.getMessage(code, args, JA);
	}

	/** {@code s} cut to {@code max} UTF-16 units (so never more characters), ending in 「…」 when cut. */
	static String fit(String s, int max) {
		if (s.length() <= max) {
			return s;
		}
		int end = max - 1;
		if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
			end--; // never split a character made of two units (an emoji, a rare kanji)
		}
		return s.substring(0, end) + "…";
	}
}
