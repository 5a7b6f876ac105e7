package org.madoguchi.assistant;

import java.time.Instant;
import java.util.List;

/**
 * One message answered (質問ログの1件): what was asked, on which channel, and what the assistant did.
 *
 * @param id a random id the client sends back with feedback or a picked candidate
 * @param entryId the entry answered, or the best candidate; {@code null} when nothing was found
 * @param candidates the entry ids offered to pick from
 * @param pickedFrom for a picked candidate, the turn that offered it
 */
public record Turn(String id, String tenant, Channel channel, Instant askedAt, String text, Reply.Kind kind,
		String entryId, double confidence, List<String> candidates, String pickedFrom) {

	public Turn {
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}
}
