package org.madoguchi.staff;

import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo sign-ins for {@code start-dev} only (profile {@code dev}). They are flagged as demo in the
 * database, and production mode refuses to start while any demo account exists.
 */
@Component
@Profile("dev")
@Order(0)
public class DemoAccounts implements ApplicationRunner {

	/** A demo sign-in as shown on the sign-in page and printed at start. */
	public record Demo(String username, String password, String roleLabel, Set<StaffRole> roles) {
	}

	static final List<Demo> DEMOS = List.of(
			new Demo("madoguchi", "madoguchi-demo", "窓口 Counter", Set.of(StaffRole.COUNTER)),
			new Demo("shinsa", "shinsa-demo", "審査 Examiner", Set.of(StaffRole.EXAMINER)),
			new Demo("kessai", "kessai-demo", "決裁 Approver", Set.of(StaffRole.APPROVER)),
			new Demo("koho", "koho-demo", "広報 FAQ editor", Set.of(StaffRole.CONTENT)),
			new Demo("kanri", "kanri-demo", "管理者 Administrator", Set.of(StaffRole.ADMIN)),
			new Demo("kansa", "kansa-demo", "監査 Auditor", Set.of(StaffRole.AUDITOR)),
			new Demo("renkei", "renkei-demo", "連携 Linked system", Set.of(StaffRole.LINKAGE)));

	private final StaffAccounts accounts;
	private final PasswordEncoder encoder;

	DemoAccounts(StaffAccounts accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
	}

	public List<Demo> list() {
		return DEMOS;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (Demo d : DEMOS) {
			if (accounts.find(d.username()).isEmpty()) {
				accounts.create(d.username(), d.roleLabel(), encoder.encode(d.password()), d.roles(), true);
			}
		}
	}
}
