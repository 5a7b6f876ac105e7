package org.madoguchi.assistant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public chat API, without any credentials. Each test sends from its own random client address so that
 * the per-IP rate limit of one test does not touch another.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssistantApiTests {

	@Autowired
	MockMvc mvc;

	private static String randomIp() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
	}

	private static MockHttpServletRequestBuilder chat(String ip, String json) {
		return post("/api/v1/assistant/chat").contentType(MediaType.APPLICATION_JSON).content(json).with(req -> {
			req.setRemoteAddr(ip);
			return req;
		});
	}

	@Test
	void unauthenticatedResidentGetsAnAnswerWithDeskPhoneAndProcedure() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\":\"住民票の写しを取りたいです。\",\"language\":\"ja\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.kind").value("ANSWER"))
			.andExpect(jsonPath("$.answer.id").value("certificates-001"))
			.andExpect(jsonPath("$.answer.department").value("市民課"))
			.andExpect(jsonPath("$.answer.phone").value("043-201-1211"))
			.andExpect(jsonPath("$.answer.procedureUrl").value("/portal/procedures/juminhyo-copy"))
			.andExpect(header().doesNotExist("Set-Cookie"));
	}

	@Test
	void vagueQueryGetsCandidatesAndOneCanBePicked() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\":\"住民票\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CANDIDATES"))
			.andExpect(jsonPath("$.candidates.length()").value(lessThanOrEqualTo(3)))
			.andExpect(jsonPath("$.candidates[0].id").exists())
			.andExpect(jsonPath("$.answer").doesNotExist());
		mvc.perform(get("/api/v1/assistant/entries/certificates-002").with(req -> {
			req.setRemoteAddr(randomIp());
			return req;
		}))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.question").value("住民票 手数料"))
			.andExpect(jsonPath("$.phone").value("043-201-1211"));
		mvc.perform(get("/api/v1/assistant/entries/no-such-entry"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void gibberishGetsNoneNeverAnAnswer() throws Exception {
		for (String text : new String[] { "あいうえおかきくけこ", "xyzzy" }) {
			mvc.perform(chat(randomIp(), "{\"text\":\"" + text + "\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("NONE"))
				.andExpect(jsonPath("$.answer").doesNotExist())
				.andExpect(jsonPath("$.contact.phone").value("043-201-1000"))
				.andExpect(jsonPath("$.turn").exists())
				.andExpect(jsonPath("$.categories.length()").value(9));
		}
	}

	@Test
	void greetingIsSmalltalkAndEnglishIsEnglish() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\":\"こんにちは\"}"))
			.andExpect(jsonPath("$.kind").value("SMALLTALK"))
			.andExpect(jsonPath("$.message").value(containsString("アシスタント")));
		mvc.perform(chat(randomIp(), "{\"text\":\"hello\",\"language\":\"en\"}"))
			.andExpect(jsonPath("$.kind").value("SMALLTALK"))
			.andExpect(jsonPath("$.message").value(containsString("Hello")));
		mvc.perform(chat(randomIp(), "{\"text\":\"xyzzy\"}").header("Accept-Language", "en"))
			.andExpect(jsonPath("$.message").value(containsString("Sorry")));
	}

	@Test
	void emptyAndTooLongAreInvalidAndBadFieldsAre400() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\":\"   \"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("INVALID"));
		mvc.perform(chat(randomIp(), "{\"text\":\"" + "あ".repeat(501) + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("INVALID"))
			.andExpect(jsonPath("$.message").value(containsString("500")));
		for (String body : new String[] { "{}", "{\"text\":42}", "{\"text\":[\"a\"]}" }) {
			mvc.perform(chat(randomIp(), body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("text"));
		}
		mvc.perform(chat(randomIp(), "{\"text\":\"住民票\",\"language\":\"fr\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("language"));
	}

	@Test
	void scriptInTheQuestionNeverComesBackAsHtml() throws Exception {
		String body = mvc.perform(chat(randomIp(), "{\"text\":\"<script>alert(1)</script> 住民票の写しを取りたい\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andReturn().getResponse().getContentAsString();
		// the reply holds only texts from the standard Q&A and the bundles: the question is not echoed
		org.assertj.core.api.Assertions.assertThat(body).doesNotContain("<script").doesNotContain("alert(1)");
	}

	@Test
	void rateLimitAnswers429AfterTheLimit() throws Exception {
		String ip = randomIp();
		for (int i = 0; i < 30; i++) {
			mvc.perform(chat(ip, "{\"text\":\"こんにちは\"}")).andExpect(status().isOk());
		}
		mvc.perform(chat(ip, "{\"text\":\"こんにちは\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// another client is not affected
		mvc.perform(chat(randomIp(), "{\"text\":\"こんにちは\"}")).andExpect(status().isOk());
	}

	@Test
	void pickingACandidateAnswersItAndTheAnswerCanBeRatedOnce() throws Exception {
		String ip = randomIp();
		String asked = mvc.perform(chat(ip, "{\"text\":\"住民票\"}"))
			.andExpect(jsonPath("$.kind").value("CANDIDATES"))
			.andReturn().getResponse().getContentAsString();
		String turn = com.jayway.jsonpath.JsonPath.read(asked, "$.turn");
		String entry = com.jayway.jsonpath.JsonPath.read(asked, "$.candidates[1].id");
		String picked = mvc.perform(post("/api/v1/assistant/tenants/shinonomeno/pick")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"turn\":\"" + turn + "\",\"entry\":\"" + entry + "\"}")
			.with(r -> { r.setRemoteAddr(ip); return r; }))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("ANSWER"))
			.andExpect(jsonPath("$.answer.id").value(entry))
			.andReturn().getResponse().getContentAsString();
		String answerTurn = com.jayway.jsonpath.JsonPath.read(picked, "$.turn");
		MockHttpServletRequestBuilder vote = post("/api/v1/assistant/tenants/shinonomeno/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"turn\":\"" + answerTurn + "\",\"helpful\":false,\"language\":\"ja\"}")
			.with(r -> { r.setRemoteAddr(ip); return r; });
		mvc.perform(vote)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("FEEDBACK"))
			.andExpect(jsonPath("$.contact.phone").value("043-201-1000"));
		mvc.perform(vote).andExpect(status().isConflict());
		// a turn that offered candidates has no answer to rate
		mvc.perform(post("/api/v1/assistant/tenants/shinonomeno/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"turn\":\"" + turn + "\",\"helpful\":true}")
			.with(r -> { r.setRemoteAddr(ip); return r; }))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/assistant/tenants/shinonomeno/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"turn\":\"" + turn + "\",\"helpful\":\"yes\"}")
			.with(r -> { r.setRemoteAddr(ip); return r; }))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("helpful"));
	}

	@Test
	void unknownTenantAndCategoryAre404AndTheMenuListsATopic() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\":\"住民票\"}").requestAttr("x", "y"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/assistant/tenants/nowhere/chat").contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"住民票\"}").with(r -> { r.setRemoteAddr(randomIp()); return r; }))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/assistant/tenants/standard/chat").contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"住民票\"}").with(r -> { r.setRemoteAddr(randomIp()); return r; }))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/assistant/tenants/shinonomeno/categories/WASTE").with(r -> { r.setRemoteAddr(randomIp()); return r; }))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("CATEGORY"))
			.andExpect(jsonPath("$.candidates.length()").value(10));
		mvc.perform(get("/api/v1/assistant/tenants/shinonomeno/categories/NOPE").with(r -> { r.setRemoteAddr(randomIp()); return r; }))
			.andExpect(status().isNotFound());
	}

	@Test
	void malformedJsonIsAProblemAndEmojiOrMixedScriptsAreQuestionsLikeAnyOther() throws Exception {
		mvc.perform(chat(randomIp(), "{\"text\": \"住民票"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(chat(randomIp(), "[1,2]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// half-width katakana, full-width latin, emoji (including a surrogate pair and a joiner sequence)
		mvc.perform(chat(randomIp(), "{\"text\":\"🛋️ ｿﾌｧを捨てたい🙏 ＳＯＦＡ 👨‍👩‍👧\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value(org.hamcrest.Matchers.oneOf("ANSWER", "CANDIDATES")));
		mvc.perform(chat(randomIp(), "{\"text\":\"😀😀😀\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("NONE"));
	}

	@Test
	void otherApiPathsStillNeedAToken() throws Exception {
		mvc.perform(get("/api/v1/procedures")).andExpect(status().isUnauthorized());
	}
}
