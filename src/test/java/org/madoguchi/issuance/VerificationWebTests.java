package org.madoguchi.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.citygen.SyntheticCity;
import org.madoguchi.issuance.document.DocumentKind;
import org.madoguchi.issuance.document.Layout;
import org.madoguchi.ledger.Ledger;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public verification page and API over HTTP, without signing in: a genuine copy is valid, one changed byte,
 * another file, a truncated file, a huge upload and a forged QR code each get their precise verdict; the QR page
 * shows no personal data. And the counter pages for staff.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SyntheticCity city;

	@Autowired
	Issuance issuance;

	@Autowired
	Ledger ledger;

	@Autowired
	ResidentRegister register;

	@Autowired
	JdbcTemplate jdbc;

	ResidentRecord person;

	IssuedDocument issued;

	byte[] pdf;

	@BeforeEach
	void aCopy() {
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("counter1", "n/a",
				AuthorityUtils.createAuthorityList("ROLE_COUNTER")));
		try {
			city.generate(10, ThreadLocalRandom.current().nextLong(), n -> {
			});
			person = jdbc.queryForList("SELECT atena_number FROM resident_record WHERE latest AND status = 'RESIDENT' "
					+ "ORDER BY processed_at DESC, atena_number DESC LIMIT 10", String.class)
				.stream()
				.map(a -> register.person(new AtenaNumber(a)))
				.filter(p -> !p.underSupportMeasure() && !p.issuanceSuppressed())
				.findFirst()
				.orElseThrow()
				.record();
			issued = issuance.issue(new CertificateOrder(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL, Set.of(),
					List.of(person.atenaNumber()), CertificateOrder.Requester.resident(person.atenaNumber()), null,
					IssueChannel.COUNTER, null, null, 1), "counter1", false).get(0);
			pdf = issuance.pdfForStaff(issued.id());
			ledger.sequence();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void theVerificationPageSaysValidAndShowsTheLogProof() throws Exception {
		String html = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "copy.pdf", "application/pdf", pdf))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("data-outcome=\"VALID\"").contains(issued.issueNumber())
			.contains("id=\"log-proof\" data-verified=\"true\"").contains("東雲野市");

		byte[] changed = pdf.clone();
		changed[changed.length / 3] ^= 0x20;
		String bad = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "copy.pdf", "application/pdf",
				changed)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("data-outcome=\"INVALID\"").doesNotContain("data-outcome=\"VALID\"");
	}

	@Test
	void theQrPageShowsTheRecordButNoPersonalData() throws Exception {
		String html = mvc.perform(get("/verify/" + issued.verificationCode()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains(issued.issueNumber()).contains(issued.documentSha256())
			.doesNotContain(person.name().family()).doesNotContain(person.atenaNumber().value())
			.doesNotContain(person.address().text());
		String forged = mvc.perform(get("/verify/" + issued.verificationCode().substring(1) + "A"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(forged).contains("id=\"unknown-code\"").doesNotContain("id=\"record\"");
	}

	@Test
	void theApiGivesAPreciseVerdictForEveryKindOfBadFile() throws Exception {
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(pdf))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("VALID"))
			.andExpect(jsonPath("$.record.issueNumber").value(issued.issueNumber()))
			.andExpect(jsonPath("$.record.logProof.verified").value(true));
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF)
			.content("hello, not a pdf".getBytes()))
			.andExpect(jsonPath("$.outcome").value("INVALID"))
			.andExpect(jsonPath("$.signature.verdict").value("NOT_A_PDF"));
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF)
			.content(java.util.Arrays.copyOf(pdf, pdf.length / 2)))
			.andExpect(jsonPath("$.outcome").value("INVALID"))
			.andExpect(jsonPath("$.signature.verdict").value(org.hamcrest.Matchers.not("VALID")));
		byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 10);
		mvc.perform(post("/api/v1/verification").contentType(MediaType.APPLICATION_PDF).content(appended))
			.andExpect(jsonPath("$.outcome").value("INVALID"))
			.andExpect(jsonPath("$.signature.verdict").value("NOT_WHOLE_DOCUMENT"));
		mvc.perform(multipart("/api/v1/verification").file(new MockMultipartFile("file", "huge.pdf", "application/pdf",
				new byte[Verification.MAX_UPLOAD_BYTES + 1])))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/verification/" + issued.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sha256").value(issued.documentSha256()));
		mvc.perform(get("/api/v1/verification/forged-code"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theTrustMaterialAndTheLogKeyArePublicSoThatOthersCanCheckWithoutOurCode() throws Exception {
		String pem = mvc.perform(get("/verify/trust/city-ca.pem")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var root = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
			.generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		root.verify(root.getPublicKey()); // self-signed: the city's root
		String crl = mvc.perform(get("/verify/trust/crl.pem")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(crl).startsWith("-----BEGIN X509 CRL-----");
		String key = mvc.perform(get("/ledger/key")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).strip();
		byte[] note = mvc.perform(get("/ledger/checkpoint")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(org.madoguchi.ledger.NoteVerifier.parse(key).open(note).text()).contains("\n");
	}

	@Test
	void staffIssueAtTheCounterAndOpenThePdf() throws Exception {
		var counter = user("counter2").roles("COUNTER");
		String form = mvc.perform(get("/staff/issuance").param("atena", person.atenaNumber().value()).with(counter))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("id=\"issue-form\"").contains(person.name().full());
		String location = mvc.perform(post("/staff/issuance").with(counter).with(csrf())
				.param("atena", person.atenaNumber().value())
				.param("kind", "JUMINHYO_COPY").param("layout", "INDIVIDUAL")
				.param("subjects", person.atenaNumber().value())
				.param("requesterType", "resident").param("requesterAtena", person.atenaNumber().value())
				.param("copies", "1"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/staff/issuance/documents/");
		mvc.perform(get(location + "/pdf").with(counter))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
		// reissue and revocation are for examiners: a counter clerk is refused, an examiner gets the new copy
		String document = location.substring("/staff/issuance/documents/".length());
		mvc.perform(post(location + "/reissue").with(counter).with(csrf()).param("reason", "誤記"))
			.andExpect(status().isForbidden());
		String reissued = mvc.perform(post(location + "/reissue").with(user("examiner2").roles("EXAMINER")).with(csrf())
				.param("reason", "誤記"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(reissued).startsWith("/staff/issuance/documents/").doesNotContain(document);
		assertThat(issuance.find(java.util.UUID.fromString(document)).orElseThrow().isRevoked()).isTrue();
		// the public cannot reach staff pages, and a bad copies value is a field error, not a crash
		mvc.perform(get("/staff/issuance")).andExpect(status().is3xxRedirection());
		String refused = mvc.perform(post("/staff/issuance").with(counter).with(csrf())
				.param("atena", person.atenaNumber().value()).param("subjects", person.atenaNumber().value())
				.param("requesterAtena", person.atenaNumber().value()).param("copies", "99"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("dads-error-summary").contains("通数は 1 から 10 までの数字で入力してください。");
	}
}
