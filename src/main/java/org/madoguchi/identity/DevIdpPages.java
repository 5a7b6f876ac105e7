package org.madoguchi.identity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.registry.CardCertificate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * DEVELOPMENT ONLY: the development identity provider's card page, where the デジタル認証アプリ would read the My
 * Number Card: choose a virtual card, enter the 利用者証明用 PIN (sign-in) or the 署名用 password (signing, which
 * signs the transaction's bytes with the card). Wrong PINs count on the card as on a real one. Also issues virtual
 * cards to residents of the register, so that start-dev can be tried without the command line.
 */
@Controller
@ConditionalOnProperty(name = "madoguchi.identity.dev-idp.enabled", havingValue = "true")
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class DevIdpPages {

	/** Cards listed on the page at most. */
	static final int MAX_LISTED_CARDS = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** One virtual card as listed. */
	record CardChoice(String atenaNumber, String name) {
	}

	/** The authorization request waiting for the card, as saved before the redirect to this page. */
	record Waiting(String clientId, String redirectUri, String state, boolean signing, String transactionId,
			String redirectUrl) {
	}

	private final DevIdentity dev;

	private final DevSignTransactions transactions;

	private final RegisteredClient client;

	private final ResidentRegister register;

	DevIdpPages(DevIdentity dev, DevSignTransactions transactions, RegisteredClient devIdpClient,
			ResidentRegister register) {
		this.dev = dev;
		this.transactions = transactions;
		this.client = devIdpClient;
		this.register = register;
	}

	@GetMapping(DevIdentityProvider.LOGIN)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		return render(waiting(request, response), null, model);
	}

	@PostMapping(DevIdentityProvider.LOGIN)
	String authenticate(@RequestParam(required = false) String card, @RequestParam(required = false) String pin,
			@RequestParam(required = false) String action, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Waiting> waiting = waiting(request, response);
		if (waiting.isEmpty()) {
			return render(waiting, "identity.devIdp.error.unknownRequest", model);
		}
		Waiting w = waiting.get();
		if ("cancel".equals(action)) {
			DevIdentityProvider.requests().removeRequest(request, response);
			return "redirect:" + UriComponentsBuilder.fromUriString(w.redirectUri()).queryParam("error", "access_denied")
				.queryParam("state", w.state()).encode().build().toUriString();
		}
		Optional<VirtualCard> chosen = card == null || !org.madoguchi.registry.AtenaNumber.isValid(card)
				? Optional.empty() : dev.card(card);
		if (chosen.isEmpty()) {
			return render(waiting, "identity.devIdp.error.card", model);
		}
		VirtualCard virtualCard = chosen.get();
		String subject = CardCertificate.canonical(virtualCard.certificate(VirtualCard.Slot.AUTHENTICATION).getSerialNumber());
		try {
			if (w.signing()) {
				Optional<DevSignTransactions.Transaction> transaction = transactions.openFor(w.transactionId(),
						w.clientId());
				if (transaction.isEmpty()) {
					return render(waiting, "identity.devIdp.error.transaction", model);
				}
				transactions.sign(transaction.get(), subject, virtualCard.sign(transaction.get().content(), pin));
			}
			else {
				byte[] challenge = new byte[32];
				RANDOM.nextBytes(challenge);
				virtualCard.authenticate(challenge, pin);
			}
		}
		catch (ToolException ex) {
			model.addAttribute("pinError", ex.getMessage()); // wrong PIN (tries left), locked, or malformed
			return render(waiting, null, model);
		}
		BasicFourInfo facts = JpkiProfile.decode(virtualCard.certificate(VirtualCard.Slot.SIGNING)).orElseThrow();
		DevIdpUser user = new DevIdpUser(subject, card, facts.name(), facts.address(), facts.birthDate().toString(),
				facts.gender());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		// the card is an X.509 factor; its time is the ID token's auth_time
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("DEV_IDP_CARD_HOLDER"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.X509_AUTHORITY).issuedAt(Instant.now()).build())));
		DevIdentityProvider.contexts().saveContext(context, request, response);
		return "redirect:" + w.redirectUrl();
	}

	@PostMapping(DevIdentityProvider.BASE + "/cards")
	String issue(@RequestParam(required = false) String atenaNumber, @RequestParam(required = false) String signPin,
			@RequestParam(required = false) String authPin, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String atena = atenaNumber == null ? "" : atenaNumber.strip();
		List<ResidentRecord> found = org.madoguchi.registry.AtenaNumber.isValid(atena)
				? register.search(new ResidentSearch(atena, null, null, null, null, false, 1, 0)) : List.of();
		if (found.isEmpty()) {
			model.addAttribute("issueError", List.of("identity.devIdp.issue.noPerson", atena));
			return render(waiting(request, response), null, model);
		}
		try {
			dev.issueCard(found.get(0), signPin, authPin);
		}
		catch (ToolException | IllegalArgumentException ex) {
			model.addAttribute("issueProblem", ex.getMessage());
			return render(waiting(request, response), null, model);
		}
		model.addAttribute("issued", atena);
		return render(waiting(request, response), null, model);
	}

	private String render(Optional<Waiting> waiting, String error, Model model) {
		List<CardChoice> cards = new ArrayList<>();
		for (String atena : dev.cardHolders(MAX_LISTED_CARDS)) {
			dev.card(atena).ifPresent(c -> cards.add(new CardChoice(atena,
					JpkiProfile.decode(c.certificate(VirtualCard.Slot.SIGNING)).map(BasicFourInfo::name).orElse("?"))));
		}
		model.addAttribute("cards", cards);
		model.addAttribute("waiting", waiting.orElse(null));
		waiting.filter(Waiting::signing)
			.flatMap(w -> transactions.openFor(w.transactionId(), w.clientId()))
			.ifPresent(t -> {
				model.addAttribute("title", t.title());
				model.addAttribute("digest", t.digestHex());
			});
		model.addAttribute("error", error);
		return "identity/dev-idp-login";
	}

	/** The saved authorization request, if it is this provider's client's. */
	private Optional<Waiting> waiting(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = DevIdentityProvider.requests().getRequest(request, response);
		if (saved == null || !client.getClientId().equals(first(saved, "client_id"))
				|| !client.getRedirectUris().contains(first(saved, "redirect_uri"))) {
			return Optional.empty();
		}
		String scope = first(saved, "scope");
		boolean signing = scope != null && List.of(scope.split(" ")).contains(DigitalAuthProtocol.SCOPE_SIGN);
		return Optional.of(new Waiting(first(saved, "client_id"), first(saved, "redirect_uri"), first(saved, "state"),
				signing, first(saved, DigitalAuthProtocol.SIGN_TRANSACTION_PARAMETER), saved.getRedirectUrl()));
	}

	private static String first(SavedRequest saved, String name) {
		String[] values = saved.getParameterValues(name);
		return values == null || values.length == 0 ? null : values[0];
	}
}
