package org.madoguchi.assistant;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At start: loads the shipped standard Q&amp;A ({@code assistant/standard/*.yml}) into the knowledge base and
 * creates this installation's city as a tenant if it is new. Afterwards: deletes questions older than the
 * retention period from the log, once an hour (idempotent, so several nodes may do it).
 */
@Component
class AssistantSetup implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(AssistantSetup.class);

	private final KnowledgeBase knowledge;

	private final Tenants tenants;

	private final QuestionLog questions;

	private final AssistantProperties settings;

	private final TenantIndexes indexes;

	AssistantSetup(KnowledgeBase knowledge, Tenants tenants, QuestionLog questions, AssistantProperties settings,
			TenantIndexes indexes) {
		this.indexes = indexes;
		this.knowledge = knowledge;
		this.tenants = tenants;
		this.questions = questions;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		tenants.createIfMissing(Tenant.STANDARD, "標準Q&A", "Standard Q&A", "0000000", null, List.of());
		int changed = knowledge.seedStandard(StandardQa.load(StandardQa.LOCATION));
		AssistantProperties.City c = settings.city();
		if (tenants.createIfMissing(c.id(), c.nameJa(), c.nameEn(), c.contactPhone(), c.contactUrl(),
				c.allowedOrigins())) {
			log.info("Assistant tenant {} ({}) created", c.id(), c.nameJa());
		}
		if (changed > 0) {
			log.info("Standard Q&A: {} entries loaded or updated", changed);
		}
	}

	/**
	 * Builds the installation's city's index before the node reports itself ready, so that its first resident (and
	 * LINE, whose reply tokens expire within seconds) never waits for the index to be built. Other hosted cities are
	 * built on their first question.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void warmUp() {
		indexes.index(settings.city().id());
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void forgetOldQuestions() {
		int n = questions.deleteBefore(Instant.now().minus(settings.logRetention()));
		if (n > 0) {
			log.info("Question log: {} questions older than {} deleted", n, settings.logRetention());
		}
	}
}
