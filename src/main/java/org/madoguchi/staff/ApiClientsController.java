package org.madoguchi.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.FormErrors;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's page of API clients (管理者): list, register (the secret is shown once), switch
 * off and on, issue API keys (shown once) and revoke them. A new secret or key is shown on the answer
 * to the POST itself, never kept in the session, and the page is not cached.
 */
@Controller
class ApiClientsController {

	// Each page handler touches the CSRF token first: the token is saved in the session lazily, and a long
	// page may already have been sent in part when the first form asks for it.
	private final ApiClients clients;
	private final MessageSource messages;

	ApiClientsController(ApiClients clients, MessageSource messages) {
		this.clients = clients;
		this.messages = messages;
	}

	@GetMapping("/staff/clients")
	String list(Authentication auth, CsrfToken csrf, Model model) {
		requireAdmin(auth);
		csrf.getToken();
		return listPage(model, "", "", EnumSet.noneOf(ApiScope.class), EnumSet.noneOf(StaffRole.class));
	}

	@PostMapping("/staff/clients")
	String create(Authentication auth, @RequestParam(defaultValue = "") String clientId,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes,
			@RequestParam(required = false) List<String> roles, CsrfToken csrf, Model model, HttpServletResponse response) {
		requireAdmin(auth);
		csrf.getToken();
		Set<ApiScope> chosenScopes = scopes(scopes);
		Set<StaffRole> chosenRoles = roles(roles);
		try {
			ApiClients.Created created = clients.create(limit(clientId), limit(name), chosenScopes, chosenRoles,
					auth.getName(), false, null);
			return secretPage(model, response, created.client(), "secret", created.secret(), null);
		}
		catch (InvalidInputException e) {
			addErrors(model, e.errors());
			return listPage(model, clientId, name, chosenScopes, chosenRoles);
		}
	}

	@GetMapping("/staff/clients/{clientId}")
	String detail(Authentication auth, @PathVariable String clientId, @RequestParam(required = false) String done,
			CsrfToken csrf, Model model) {
		requireAdmin(auth);
		csrf.getToken();
		if (done != null && List.of("enabled", "disabled", "revoked").contains(done)) {
			model.addAttribute("notice", message("staff.clients.done." + done));
		}
		return detailPage(model, client(clientId), "", null, EnumSet.noneOf(ApiScope.class));
	}

	@PostMapping("/staff/clients/{clientId}/enabled")
	String setEnabled(Authentication auth, @PathVariable String clientId, @RequestParam boolean enabled) {
		requireAdmin(auth);
		ApiClient client = client(clientId);
		clients.setEnabled(client.clientId(), enabled, auth.getName());
		return "redirect:/staff/clients/" + client.clientId() + "?done=" + (enabled ? "enabled" : "disabled");
	}

	@PostMapping("/staff/clients/{clientId}/keys")
	String issueKey(Authentication auth, @PathVariable String clientId, @RequestParam(defaultValue = "") String label,
			@RequestParam(required = false) List<String> scopes, @RequestParam(defaultValue = "") String days, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		requireAdmin(auth);
		csrf.getToken();
		ApiClient client = client(clientId);
		Set<ApiScope> chosen = scopes(scopes);
		Integer d = null;
		List<FieldError> errors = new ArrayList<>();
		if (!days.isBlank()) {
			try {
				d = Integer.valueOf(days.strip());
			}
			catch (NumberFormatException e) {
				errors.add(FieldError.of("days", "staff.clients.error.days", ApiClients.MAX_KEY_DAYS));
			}
		}
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			String key = clients.issueKey(client.clientId(), limit(label), chosen, d, auth.getName());
			return secretPage(model, response, client, "key", key, d);
		}
		catch (InvalidInputException e) {
			List<FieldError> all = new ArrayList<>(errors);
			e.errors().stream().filter(fe -> !errors.contains(fe)).forEach(all::add);
			addErrors(model, all);
			return detailPage(model, client, label, days, chosen);
		}
	}

	@PostMapping("/staff/clients/{clientId}/keys/{keyId}/revoke")
	String revoke(Authentication auth, @PathVariable String clientId, @PathVariable long keyId) {
		requireAdmin(auth);
		ApiClient client = client(clientId);
		if (!clients.revokeKey(client.clientId(), keyId, auth.getName())) {
			throw new NotFoundException("API key " + keyId);
		}
		return "redirect:/staff/clients/" + client.clientId() + "?done=revoked";
	}

	// ---- pages ----

	private String listPage(Model model, String clientId, String name, Set<ApiScope> scopes, Set<StaffRole> roles) {
		model.addAttribute("clients", clients.all());
		model.addAttribute("allScopes", List.of(ApiScope.values()));
		model.addAttribute("allRoles", List.of(StaffRole.values()));
		model.addAttribute("form", Map.of("clientId", clientId, "name", name));
		model.addAttribute("chosenScopes", scopes);
		model.addAttribute("chosenRoles", roles);
		model.addAttribute("activeNav", "clients");
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "staff/clients";
	}

	private String detailPage(Model model, ApiClient client, String label, String days, Set<ApiScope> scopes) {
		model.addAttribute("client", client);
		model.addAttribute("keys", clients.keys(client.clientId()));
		model.addAttribute("now", Instant.now());
		model.addAttribute("clientScopes", client.scopes().stream().sorted().toList());
		model.addAttribute("form", Map.of("label", label, "days", days == null ? "" : days));
		model.addAttribute("chosenScopes", scopes);
		model.addAttribute("maxDays", ApiClients.MAX_KEY_DAYS);
		model.addAttribute("activeNav", "clients");
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "staff/client";
	}

	/** The one time a secret or key is shown: not cached, not kept anywhere. */
	private String secretPage(Model model, HttpServletResponse response, ApiClient client, String kind, String secret,
			Integer days) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("client", client);
		model.addAttribute("kind", kind);
		model.addAttribute("secret", secret);
		model.addAttribute("days", days);
		model.addAttribute("activeNav", "clients");
		return "staff/client-secret";
	}

	// ---- helpers ----

	/**
	 * Administrators only. The web chain's rule for {@code /staff/**} also lets counter staff and examiners
	 * through, so the page checks the role itself.
	 */
	private static void requireAdmin(Authentication auth) {
		if (auth == null || auth.getAuthorities().stream().noneMatch(a -> StaffRole.ADMIN.authority().equals(a.getAuthority()))) {
			throw new AccessDeniedException("administrators only");
		}
	}

	private ApiClient client(String clientId) {
		return clients.find(clientId).orElseThrow(() -> new NotFoundException("API client " + clientId));
	}

	/** Ticked scopes; values that are not scopes (a tampered form) are dropped. */
	private static Set<ApiScope> scopes(List<String> values) {
		Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
		if (values != null) {
			values.stream().limit(ApiScope.values().length * 2L).forEach(v -> ApiScope.of(v).ifPresent(set::add));
		}
		return set;
	}

	private static Set<StaffRole> roles(List<String> values) {
		Set<StaffRole> set = EnumSet.noneOf(StaffRole.class);
		if (values != null) {
			for (String v : values.stream().limit(StaffRole.values().length * 2L).toList()) {
				for (StaffRole r : StaffRole.values()) {
					if (r.name().equals(v)) {
						set.add(r);
					}
				}
			}
		}
		return set;
	}

	/** Over-long input is cut to just past the limit, so that the length check still reports it. */
	private static String limit(String s) {
		return s.length() > 1000 ? s.substring(0, 1000) : s;
	}

	private void addErrors(Model model, List<FieldError> errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> byField = new LinkedHashMap<>();
		List<FormErrors.SummaryItem> summary = new ArrayList<>();
		for (FieldError e : errors) {
			String text = messages.getMessage(e.code(), e.args(), e.code(), locale);
			byField.merge(e.field(), text, (a, b) -> a + " " + b);
			summary.add(new FormErrors.SummaryItem(0, e.field(),
					messages.getMessage("staff.clients.field." + e.field(), null, e.field(), locale), text));
		}
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("errorSummary", summary);
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
