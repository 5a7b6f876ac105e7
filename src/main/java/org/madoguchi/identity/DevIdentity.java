package org.madoguchi.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.RegisterChanges;
import org.madoguchi.registry.ResidentRecord;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * DEVELOPMENT AND TESTS ONLY ({@code madoguchi.identity.dev.directory}; production refuses to start with it): the
 * test PKI standing in for J-LIS and the virtual My Number Cards of synthetic residents, in one directory:
 * {@code test-pki/} (as {@code bin/madoguchi test-pki} writes it) and {@code cards/<宛名番号>.card.json}.
 * Issuing a card records its certificate serials in the register, as the card issuance data from J-LIS would.
 */
final class DevIdentity {

	private final Path directory;
	private final RegisterChanges changes;

	DevIdentity(Path directory, RegisterChanges changes) {
		this.directory = directory;
		this.changes = changes;
	}

	/** Creates the test PKI on first use of the directory (start-dev's first start), else publishes fresh CRLs. */
	void ensurePki() {
		if (!Files.exists(TestPkiDirectory.certificateFile(pkiDirectory(), TestPki.Authority.ROOT))) {
			TestPkiDirectory.create(pkiDirectory());
		}
		else {
			republishCrls();
		}
	}

	/**
	 * The test CAs' CRLs are valid for a day (as J-LIS publishes daily); a development server running longer would
	 * otherwise refuse every signature for a stale CRL.
	 */
	@Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT6H")
	synchronized void republishCrls() {
		TestPkiDirectory.writeCrls(pkiDirectory(), pki());
	}

	Path pkiDirectory() {
		return directory.resolve("test-pki");
	}

	/** Read afresh every time: {@code bin/madoguchi virtual-card revoke} may have changed it on disk. */
	TestPki pki() {
		return TestPkiDirectory.load(pkiDirectory());
	}

	Path cardFile(String atenaNumber) {
		if (!AtenaNumber.isValid(atenaNumber)) {
			throw new IllegalArgumentException("not a 宛名番号: " + atenaNumber);
		}
		return cardsDirectory().resolve(atenaNumber + ".card.json");
	}

	/** Where the virtual cards lie, one {@code <宛名番号>.card.json} per resident. */
	Path cardsDirectory() {
		return directory.resolve("cards");
	}

	/** The 宛名番号 that hold a virtual card, in order, at most {@code limit}. */
	List<String> cardHolders(int limit) {
		Path cards = directory.resolve("cards");
		if (!Files.isDirectory(cards)) {
			return List.of();
		}
		try (var files = Files.list(cards)) {
			return files.map(f -> f.getFileName().toString())
				.filter(n -> n.endsWith(".card.json"))
				.map(n -> n.substring(0, n.length() - ".card.json".length()))
				.filter(AtenaNumber::isValid)
				.sorted()
				.limit(limit)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The virtual card of the person, if one was issued. */
	Optional<VirtualCard> card(String atenaNumber) {
		Path file = cardFile(atenaNumber);
		return Files.exists(file) ? Optional.of(VirtualCard.load(file)) : Optional.empty();
	}

	/**
	 * Issues a virtual card to a resident from the register's 基本4情報 and records both certificate serials in the
	 * register. A card issued before is replaced (its certificates revoked first), as when a real card is reissued.
	 */
	synchronized VirtualCard issueCard(ResidentRecord person, String signingPin, String authenticationPin) {
		String atena = person.atenaNumber().value();
		Path file = cardFile(atena);
		TestPki pki = pki();
		try {
			Files.createDirectories(file.getParent());
			if (Files.exists(file)) {
				VirtualCard old = VirtualCard.load(file);
				pki.revoke(old.certificate(VirtualCard.Slot.SIGNING));
				pki.revoke(old.certificate(VirtualCard.Slot.AUTHENTICATION));
				TestPkiDirectory.writeCrls(pkiDirectory(), pki);
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		VirtualCard card = VirtualCard.issue(pki, BasicFourInfo.of(person), signingPin, authenticationPin, file);
		changes.recordCardCertificates(person.atenaNumber(),
				card.certificate(VirtualCard.Slot.SIGNING).getSerialNumber(),
				card.certificate(VirtualCard.Slot.AUTHENTICATION).getSerialNumber());
		return card;
	}

	/** Revokes the person's signing certificate in the test PKI and republishes the CRLs (as after a move out). */
	synchronized void revokeSigning(String atenaNumber) {
		VirtualCard card = card(atenaNumber).orElseThrow(() -> new IllegalArgumentException("no card for " + atenaNumber));
		TestPki pki = pki();
		pki.revoke(card.certificate(VirtualCard.Slot.SIGNING));
		TestPkiDirectory.writeCrls(pkiDirectory(), pki);
	}

	/** The trust anchor and CA certificates the verifier needs for this test PKI. */
	List<java.security.cert.X509Certificate> trustAnchors() {
		return List.of(TestPkiDirectory.root(pkiDirectory()));
	}

	List<java.security.cert.X509Certificate> intermediates() {
		return TestPkiDirectory.intermediates(pkiDirectory());
	}

	Path crlDirectory() {
		return TestPkiDirectory.crlDirectory(pkiDirectory());
	}
}
