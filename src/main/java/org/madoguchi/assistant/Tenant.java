package org.madoguchi.assistant;

import java.util.List;
import java.util.Locale;

/**
 * A city served by the shared assistant engine (テナント). The shared standard Q&amp;A belong to the pseudo-tenant
 * {@link #STANDARD}, which no resident talks to.
 *
 * @param contactPhone whom residents call when the assistant has no answer (総合案内)
 * @param contactUrl the city's contact form, or {@code null}
 * @param allowedOrigins web origins (scheme://host[:port]) whose pages may call the chat API from a browser
 * @param contentVersion grows with every change to the tenant's entries or phrasings
 */
public record Tenant(String id, String nameJa, String nameEn, String contactPhone, String contactUrl,
		List<String> allowedOrigins, long contentVersion) {

	/** The tenant that holds the standard Q&amp;A shared by every city. */
	public static final String STANDARD = "standard";

	public Tenant {
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
	}

	/** Whether a browser page at {@code origin} may call this tenant's chat API (exact match, case-insensitive). */
	public boolean allowsOrigin(String origin) {
		return origin != null && allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
	}
}
