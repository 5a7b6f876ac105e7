package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * poppler's pdfsig (NSS underneath) reads our seals. It exits 0 whatever it finds, so the text decides: "Signature
 * Validation: Signature is Valid." for a sealed file, "Digest Mismatch." after one changed byte.
 */
class PdfsigInteropTests {

	@TempDir
	Path dir;

	@Test
	void pdfsigSaysValidForOursAndNotAfterOneChangedByte() throws Exception {
		Path pdfsig = NativeTools.require("pdfsig");
		SealFixture city = SealFixture.create(dir.resolve("city"));
		byte[] sealed = city.seal(SamplePdfs.certificate(1));
		Path good = Files.write(dir.resolve("sealed.pdf"), sealed);
		byte[] altered = sealed.clone();
		altered[PdfSignatureCheckTests.indexOf(altered, SamplePdfs.TITLE.getBytes(StandardCharsets.US_ASCII))] = 'X';
		Path bad = Files.write(dir.resolve("altered.pdf"), altered);

		// -nocert: the development root is in no NSS database here; the signature itself is what is checked
		NativeTools.Run ours = NativeTools.run(Map.of(), pdfsig.toString(), "-nocert", good.toString());
		NativeTools.Run changed = NativeTools.run(Map.of(), pdfsig.toString(), "-nocert", bad.toString());

		assertThat(ours.output()).as(ours.output()).contains("Signature is Valid.").contains("ETSI.CAdES.detached");
		assertThat(changed.output()).as(changed.output()).doesNotContain("Signature is Valid.").contains("Digest Mismatch.");
	}
}
