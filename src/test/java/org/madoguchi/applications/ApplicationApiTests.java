package org.madoguchi.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The applications API over HTTP: OAuth2 client credentials, JSON Schema of a form, idempotent
 * submission, attachments decided by content, per-client visibility and problem+json errors.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationApiTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	String client(String scopes) throws Exception {
		String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("INSERT INTO api_client (client_id, name, secret_hash, scopes, roles, enabled, demo, created_at, "
				+ "created_by) VALUES (?, 'test', ?, ?, '', TRUE, FALSE, CURRENT_TIMESTAMP, 'test')", id,
				encoder.encode("secret-" + id), scopes);
		String body = mvc
			.perform(post("/api/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((id + ":secret-" + id).getBytes(StandardCharsets.UTF_8)))
				.content("grant_type=client_credentials"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return "Bearer " + JSON.readTree(body).get("access_token").asText();
	}

	/** The test certificate (ACCOUNT assurance, a fee per copy): a procedure an API client may file. */
	static final String DRAFT = """
			{"procedureId": "test-certificate", "applicantName": "東雲 太郎", "applicantEmail": "taro@example.jp",
			 "language": "ja", "submit": false,
			 "answers": {"name": "東雲 太郎", "kana": "しののめ たろう", "birthDate": "1970-01-31",
			   "address": {"postalCode": "2990001", "address": "千葉県東雲野市本町一丁目2番3号", "building": ""},
			   "phone": "043-123-4567", "scope": "whole", "copies": 1, "purpose": "pension", "deliveryMethod": "post"}}
			""";

	@Test
	void aClientReadsTheCatalogAndAFormAsJsonSchema() throws Exception {
		String token = client("procedures:read");
		mvc.perform(get("/api/v1/procedures").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'juminhyo-copy')].fee.amount").value(300))
			.andExpect(jsonPath("$[?(@.id == 'juminhyo-copy')].assurance").value("JPKI_SIGNATURE"));
		mvc.perform(get("/api/v1/procedures/juminhyo-copy/schema").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.properties.copies").exists())
			.andExpect(jsonPath("$.additionalProperties").value(false));
		mvc.perform(get("/api/v1/procedures/no-such-procedure").header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		// reading the catalog does not allow filing
		mvc.perform(post("/api/v1/applications").header("Authorization", token).header("Idempotency-Key", "x")
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT)).andExpect(status().isForbidden());
	}

	@Test
	void aDraftWithAnAttachmentIsSubmittedOnceWhateverIsRetried() throws Exception {
		String token = client("applications:submit");
		// no key
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		String key = UUID.randomUUID().toString();
		String created = mvc
			.perform(post("/api/v1/applications").header("Authorization", token).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(DRAFT))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JSON.readTree(created).get("id").asText();
		// the same request again: the same application
		mvc.perform(post("/api/v1/applications").header("Authorization", token).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(id));
		// the same key, another body: refused
		mvc.perform(post("/api/v1/applications").header("Authorization", token).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT.replace("pension", "license")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("applications.error.idempotencyMismatch"));

		// submitting without the identity document that posting needs
		mvc.perform(post("/api/v1/applications/" + id + "/submit").header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'identityDocument')]").exists());
		// a text file dressed as a PDF is refused by its content
		mvc.perform(multipart("/api/v1/applications/" + id + "/attachments").file(new MockMultipartFile("file",
				"licence.pdf", "application/pdf", "MZ this is not a pdf".getBytes(StandardCharsets.UTF_8)))
			.param("field", "identityDocument")
			.header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("attachments.error.disguised"));
		String attachment = mvc
			.perform(multipart("/api/v1/applications/" + id + "/attachments")
				.file(new MockMultipartFile("file", "licence.png", "image/png", png()))
				.param("field", "identityDocument")
				.header("Authorization", token))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("PNG"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String attachmentId = JSON.readTree(attachment).get("id").asText();
		var answerNode = (tools.jackson.databind.node.ObjectNode) JSON.readTree(DRAFT).get("answers");
		answerNode.putArray("identityDocument").add(attachmentId);
		String answers = answerNode.toString();
		mvc.perform(put("/api/v1/applications/" + id + "/answers").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(answers)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/applications/" + id + "/submit").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.receiptNumber").isNotEmpty())
			.andExpect(jsonPath("$.answers.kana").value("シノノメ　タロウ"));
		// submitting again changes nothing
		mvc.perform(post("/api/v1/applications/" + id + "/submit").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeline[0].kind").value("SUBMITTED"));

		// another client cannot see it
		String other = client("applications:submit applications:read");
		mvc.perform(get("/api/v1/applications/" + id).header("Authorization", other)).andExpect(status().isNotFound());
		// nor read the feed without the scope
		mvc.perform(get("/api/v1/applications/feed").header("Authorization", other)).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE idempotency_key = ?", Integer.class, key))
			.isEqualTo(1);
	}

	@Test
	void unknownAndMalformedInputIsNamed() throws Exception {
		String token = client("applications:submit");
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT.replace("\"submit\": false", "\"submit\": true").replace("\"copies\": 1", "\"copies\": 1, \"colour\": \"red\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'colour')].code").value("procedures.error.unknownField"));
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"procedureId\": \"test-certificate\", \"surprise\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		mvc.perform(post("/api/v1/applications").header("Authorization", token)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("null"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void aProcedureThatNeedsAMyNumberCardSignatureCannotBeFiledByAClient() throws Exception {
		String token = client("applications:submit");
		String key = UUID.randomUUID().toString();
		mvc.perform(post("/api/v1/applications").header("Authorization", token).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(DRAFT.replace("test-certificate", "juminhyo-copy")))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("applications.error.assurance.JPKI_SIGNATURE"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE idempotency_key = ?", Integer.class, key))
			.isZero();
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
