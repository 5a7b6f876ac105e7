package org.madoguchi.identity;

import java.math.BigInteger;

import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.context.ApplicationContext;

/**
 * Tests only: virtual My Number Cards (仮想マイナンバーカード) of the test context's test PKI
 * ({@code madoguchi.identity.dev-directory} in {@code application-test.yml}), for tests outside this package.
 * A card is issued through the {@link DevIdentity} bean, so its certificate serials are recorded in the register
 * as J-LIS's issuance data would be, and the signature verifier of the context trusts it.
 */
public final class TestCards {

	/** 署名用パスワード of every test card (6–16 upper-case letters and digits). */
	static final String SIGNING_PIN = "TESTCARD1";

	/** 利用者証明用暗証番号 of every test card (4 digits). */
	static final String AUTHENTICATION_PIN = "1234";

	private final DevIdentity dev;

	private final ResidentRegister register;

	private TestCards(DevIdentity dev, ResidentRegister register) {
		this.dev = dev;
		this.register = register;
	}

	/** The cards of this application context (which must have the development test PKI). */
	public static TestCards in(ApplicationContext context) {
		return new TestCards(context.getBean(DevIdentity.class), context.getBean(ResidentRegister.class));
	}

	/**
	 * Issues a card to the living resident with this 宛名番号 from the register's 基本4情報; a card issued to them
	 * before (e.g. by an earlier run on the same data directory) is revoked and replaced.
	 */
	public Card issue(String atenaNumber) {
		return new Card(dev.issueCard(register.person(new AtenaNumber(atenaNumber)).record(), SIGNING_PIN,
				AUTHENTICATION_PIN));
	}

	/** One issued card, used with the right PIN. */
	public static final class Card {

		private final VirtualCard card;

		private Card(VirtualCard card) {
			this.card = card;
		}

		/** Detached CMS signature (DER) with the 署名用電子証明書 over exactly these bytes, as the JPKI software writes. */
		public byte[] sign(byte[] content) {
			return card.sign(content, SIGNING_PIN);
		}

		/** Serial number of the 署名用電子証明書. */
		public BigInteger signingSerial() {
			return card.certificate(VirtualCard.Slot.SIGNING).getSerialNumber();
		}
	}
}
