package org.madoguchi.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The log's beans: its keys are loaded (or, in development, generated) at start-up, so a missing key stops it. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	JdbcLedger ledger(JdbcTemplate jdbc, PlatformTransactionManager transactions, LedgerProperties properties) {
		return new JdbcLedger(jdbc, transactions, LedgerKeys.load(properties), properties);
	}
}
