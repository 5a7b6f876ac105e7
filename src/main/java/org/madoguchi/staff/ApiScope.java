package org.madoguchi.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API client may do (OAuth2 スコープ). Clients get the scopes they were registered with, or a
 * subset per token or key; the API chain checks them per URL as authorities {@code SCOPE_<value>}.
 */
public enum ApiScope {

	/** 手続の一覧・定義を読む: the procedure catalog. Every staff role. */
	PROCEDURES_READ("procedures:read", StaffRole.values()),
	/** 申請する: submit applications (and their attachments) on a resident's behalf. Clients only. */
	APPLICATIONS_SUBMIT("applications:submit"),
	/** 申請を読む: read the applications this client submitted. Clients only. */
	APPLICATIONS_READ("applications:read"),
	/** 審査: the staff back office's application API (受付・審査・決裁). */
	APPLICATIONS_REVIEW("applications:review", StaffRole.COUNTER, StaffRole.EXAMINER, StaffRole.APPROVER,
			StaffRole.ADMIN),
	/** 申請の連携: the feed of applications for linked systems (基幹系). */
	APPLICATIONS_FEED("applications:feed", StaffRole.LINKAGE, StaffRole.ADMIN),
	/** 住民記録を読む: search and read resident records. */
	REGISTER_READ("register:read", StaffRole.COUNTER, StaffRole.EXAMINER, StaffRole.ADMIN),
	/** 住民記録の異動: record changes. */
	REGISTER_WRITE("register:write", StaffRole.COUNTER, StaffRole.EXAMINER, StaffRole.ADMIN),
	/** 住民記録の連携: the delta feed and the export. */
	REGISTER_FEED("register:feed", StaffRole.LINKAGE, StaffRole.ADMIN),
	/** 監査: the access log. */
	AUDIT_READ("audit:read", StaffRole.AUDITOR, StaffRole.ADMIN);

	private final String value;
	private final Set<StaffRole> staffRoles;

	ApiScope(String value, StaffRole... staffRoles) {
		this.value = value;
		this.staffRoles = staffRoles.length == 0 ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(Arrays.asList(staffRoles));
	}

	/**
	 * The staff roles that stand in for this scope: a staff caller (personal token or sign-in) with one of
	 * them passes the URL rules that ask for the scope. API clients need the scope itself.
	 */
	public Set<StaffRole> staffRoles() {
		return java.util.Collections.unmodifiableSet(staffRoles);
	}

	/** The OAuth2 scope token, e.g. {@code register:feed}. */
	public String value() {
		return value;
	}

	/** The Spring Security authority, e.g. {@code SCOPE_register:feed}. */
	public String authority() {
		return "SCOPE_" + value;
	}

	public static Optional<ApiScope> of(String value) {
		return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
	}

	/**
	 * Parses a space separated scope list (RFC 6749 §3.3; commas are accepted too). Unknown names are
	 * refused, so that a typo in a tool or a form does not silently grant less than meant.
	 *
	 * @throws IllegalArgumentException naming the first unknown scope
	 */
	static Set<ApiScope> parse(String list) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		if (list == null) {
			return scopes;
		}
		for (String s : list.split("[\\s,]+")) {
			if (!s.isEmpty()) {
				scopes.add(of(s).orElseThrow(() -> new IllegalArgumentException("unknown scope " + s)));
			}
		}
		return scopes;
	}

	/** The stored and transmitted form: values in declaration order, space separated. */
	static String format(Collection<ApiScope> scopes) {
		return scopes.stream().sorted().map(ApiScope::value).collect(Collectors.joining(" "));
	}

	/** Stored lists are read leniently: a scope removed from the code no longer grants anything. */
	static Set<ApiScope> readStored(String list) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		if (list != null) {
			for (String s : list.split("\\s+")) {
				of(s).ifPresent(scopes::add);
			}
		}
		return scopes;
	}

	/**
	 * The scopes a staff member's roles stand for (see {@link #staffRoles()}), as reported by
	 * {@link ApiCaller#scopes()} for staff callers. Staff authentications do not carry {@code SCOPE_}
	 * authorities: the URL rules accept a role or a scope.
	 */
	static Set<ApiScope> impliedBy(Collection<StaffRole> roles) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		for (ApiScope scope : values()) {
			if (scope.staffRoles.stream().anyMatch(roles::contains)) {
				scopes.add(scope);
			}
		}
		return scopes;
	}
}
