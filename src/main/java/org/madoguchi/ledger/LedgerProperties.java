package org.madoguchi.ledger;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the transparency log ({@code madoguchi.ledger.*}).
 *
 * @param origin the log's name, first line of every checkpoint and the name of its signing key
 * @param signingKey the checkpoint key as a Go note private key {@code PRIVATE+KEY+<origin>+<id>+<key>}
 *     (production: from {@code MADOGUCHI_LEDGER_SIGNING_KEY})
 * @param commitmentKey base64 of the HMAC-SHA256 key that hides personal data in entries
 *     (production: from {@code MADOGUCHI_LEDGER_COMMITMENT_KEY})
 * @param devKeyFile development only: where a generated signing key is kept (the commitment key lies next to it)
 * @param sequenceInterval how often the sequencer looks for queued entries
 * @param batchSize most entries sequenced in one transaction (and one checkpoint)
 * @param tileCache how many level-0 tiles (8 KB each) and as many upper-level tiles (16 KB with their inner nodes)
 *     each node keeps in memory
 */
@ConfigurationProperties("madoguchi.ledger")
record LedgerProperties(String origin, String signingKey, String commitmentKey, Path devKeyFile,
		Duration sequenceInterval, Integer batchSize, Integer tileCache) {

	LedgerProperties {
		origin = origin == null || origin.isBlank() ? "madoguchi.example/shinonome/log" : origin.strip();
		sequenceInterval = sequenceInterval == null ? Duration.ofSeconds(1) : sequenceInterval;
		batchSize = batchSize == null ? 50_000 : batchSize;
		tileCache = tileCache == null ? 4096 : tileCache;
		if (batchSize < 1 || batchSize > 1_000_000) {
			throw new IllegalArgumentException("madoguchi.ledger.batch-size must be in 1..1000000");
		}
	}
}
