package org.madoguchi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Tile paths, keys and the production guard, without a database. */
class LedgerUnitTests {

	@Test
	void tilePathsUseThreeDigitElements() {
		assertThat(TilePath.number(1234067)).isEqualTo("x001/x234/067");
		assertThat(TilePath.number(5)).isEqualTo("005");
		assertThat(TilePath.number(1000)).isEqualTo("x001/000");
		assertThat(TilePath.parse("1/x001/x234/067.p/8")).isEqualTo(new TilePath(1, 1234067, 8));
		assertThat(TilePath.parse("entries/005")).isEqualTo(new TilePath(-1, 5, 256));
		assertThatThrownBy(() -> TilePath.parse("0/x1/000")).hasMessageContaining("x and 3 digits");
		assertThatThrownBy(() -> TilePath.parse("0/x999/x999/x999/x999/x999/x999/x999/999")).hasMessageContaining("too large");
	}

	@Test
	void aGeneratedKeyStringSignsAndItsVerifierChecks(@TempDir Path dir) {
		LedgerProperties properties = new LedgerProperties("city.example/log", null, null, dir.resolve("k/signing.key"),
				null, null, null);
		LedgerKeys keys = LedgerKeys.load(properties);
		SignedNote note = keys.signer.sign("city.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
		keys.verifier.verify(note);
		// the second start reads the same keys
		LedgerKeys again = LedgerKeys.load(properties);
		assertThat(again.verifier.format()).isEqualTo(keys.verifier.format());
		assertThat(again.commitment(new byte[] { 1 })).isEqualTo(keys.commitment(new byte[] { 1 }));
		assertThatThrownBy(() -> LedgerKeys.load(new LedgerProperties("other.example/log", null, null,
				dir.resolve("k/signing.key"), null, null, null))).hasMessageContaining("named city.example/log");
		assertThatThrownBy(() -> LedgerKeys.load(new LedgerProperties("city.example/log", null, null, null, null, null, null)))
			.hasMessageContaining("MADOGUCHI_LEDGER_SIGNING_KEY");
	}

	@Test
	void productionNeedsBothKeysAndNoDevelopmentKeyFile() {
		assertThatThrownBy(() -> new LedgerProductionGuard(new MockEnvironment()).afterPropertiesSet())
			.hasMessageContaining("MADOGUCHI_LEDGER_SIGNING_KEY").hasMessageContaining("MADOGUCHI_LEDGER_COMMITMENT_KEY");
		MockEnvironment keys = new MockEnvironment()
			.withProperty("madoguchi.ledger.signing-key", LedgerKeys.generateSigningKey("city.example/log"))
			.withProperty("madoguchi.ledger.commitment-key", Base64.getEncoder().encodeToString(new byte[32]));
		assertThatCode(() -> new LedgerProductionGuard(keys).afterPropertiesSet()).doesNotThrowAnyException();
		assertThatThrownBy(() -> new LedgerProductionGuard(keys.withProperty("madoguchi.ledger.dev-key-file", "/tmp/k"))
			.afterPropertiesSet()).hasMessageContaining("dev-key-file");
	}
}
