package org.madoguchi.ledger;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code bin/madoguchi ledger verify}: audits the whole log and exits 1 when anything is wrong. */
@Component
@ConditionalOnProperty(name = "madoguchi.tool", havingValue = "ledger")
class LedgerTool implements ApplicationRunner, ExitCodeGenerator {

	private final LedgerAudit audit;

	private int exitCode;

	LedgerTool(LedgerAudit audit) {
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().equals(java.util.List.of("verify"))) {
			System.err.println("usage: bin/madoguchi ledger verify [--data-dir DIR | --db-url URL]");
			exitCode = 2;
			return;
		}
		LedgerAudit.Report report = audit.run();
		System.out.print(report.text());
		exitCode = report.ok() ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
