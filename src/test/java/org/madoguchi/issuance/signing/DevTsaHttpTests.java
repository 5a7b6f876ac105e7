package org.madoguchi.issuance.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.madoguchi.issuance.signing.PdfSignatureReport.Verdict;

/**
 * The development TSA over real HTTP ({@code POST /dev/tsa}, no session, no CSRF token) with the RFC 3161 HTTP
 * client, and the application's own seal beans (development PKI from {@code madoguchi.issuance.dev-directory}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevTsaHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DevIssuingPki pki;

	@Autowired
	PadesSigner signer;

	@Autowired
	PdfSignatureCheck check;

	URI tsa() {
		return URI.create("http://127.0.0.1:" + port + "/dev/tsa");
	}

	@Test
	void httpClientGetsACheckedTokenFromTheDevTsa() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest("住民票".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Instant before = Instant.now().minusSeconds(1);

		TimeStampToken token = new HttpTimestampClient(tsa(), Duration.ofSeconds(10)).timestamp(digest);

		assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
		assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(DevTimestampAuthority.POLICY);
		assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isAfter(before);
		assertThat(TimestampExchange.signerOf(token)).isEqualTo(pki.tsaKey().certificate());
	}

	@Test
	void sealStampedOverHttpIsValidForTheApplicationsCheck() {
		PadesSigner overHttp = new PadesSigner(pki.sealKey(), new HttpTimestampClient(tsa(), Duration.ofSeconds(10)),
				Clock.systemUTC());

		PdfSignatureReport report = check.check(overHttp.sign(SamplePdfs.certificate(1), SealFixture.DETAILS));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
	}

	@Test
	void applicationSignerUsesTheDevPkiInProcess() {
		PdfSignatureReport report = check.check(signer.sign(SamplePdfs.certificate(1), SealFixture.DETAILS));

		assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.VALID);
		assertThat(report.signerName()).isEqualTo("東雲野市長");
	}

	@Test
	void garbageGetsAnRfc3161Rejection() throws Exception {
		HttpResponse<byte[]> response = post("application/timestamp-query", new byte[] { 1, 2, 3 });

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
		assertThat(new TimeStampResponse(response.body()).getStatus()).isEqualTo(PKIStatus.REJECTION);
	}

	@Test
	void oversizedAndWrongTypeAreRefused() throws Exception {
		assertThat(post("application/timestamp-query", new byte[DevTimestampAuthority.MAX_REQUEST_BYTES + 1]).statusCode())
			.isEqualTo(413);
		assertThat(post("application/json", new byte[] { '{', '}' }).statusCode()).isEqualTo(415);
	}

	@Test
	void clientRefusesWhatIsNotATsa() {
		HttpTimestampClient notATsa = new HttpTimestampClient(URI.create("http://127.0.0.1:" + port + "/login"),
				Duration.ofSeconds(10));

		assertThatThrownBy(() -> notATsa.timestamp(new byte[32])).isInstanceOf(TimestampException.class);
	}

	HttpResponse<byte[]> post(String type, byte[] body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(tsa()).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
