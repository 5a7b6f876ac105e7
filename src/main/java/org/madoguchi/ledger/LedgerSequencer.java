package org.madoguchi.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sequences queued entries every {@code madoguchi.ledger.sequence-interval} (1 s by default) on every node; the
 * database lock lets one node at a time do the work. Not in the command-line tools.
 */
@Component
@ConditionalOnExpression("'${madoguchi.tool:}' == ''")
class LedgerSequencer {

	private static final Logger log = LoggerFactory.getLogger(LedgerSequencer.class);

	private final Ledger ledger;

	LedgerSequencer(Ledger ledger) {
		this.ledger = ledger;
	}

	@Scheduled(fixedDelayString = "${madoguchi.ledger.sequence-interval:PT1S}",
			initialDelayString = "${madoguchi.ledger.sequence-interval:PT1S}")
	void sequence() {
		try {
			ledger.sequence();
		}
		catch (RuntimeException ex) {
			// the entries stay queued and the next run tries again; a damaged tree keeps failing loudly here
			log.error("透明性ログの順序付けに失敗しました (ledger sequencing failed)", ex);
		}
	}
}
