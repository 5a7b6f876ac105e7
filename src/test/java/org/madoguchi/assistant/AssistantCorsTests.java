package org.madoguchi.assistant;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * CORS of the chat API per city: only the origins a city lists may call its API from a browser; the origin is
 * echoed exactly, with {@code Vary: Origin} and never with credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssistantCorsTests {

	static final String CITY_SITE = "https://www.town.kitayama.example.jp";

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	String city;

	String ip;

	@BeforeEach
	void newCity() {
		city = "t" + UUID.randomUUID().toString().substring(0, 8);
		tenants.createIfMissing(city, "北山町", "Kitayama Town", "0123-45-6789", null, List.of(CITY_SITE));
		ThreadLocalRandom r = ThreadLocalRandom.current();
		ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
	}

	private MockHttpServletRequestBuilder preflight(String tenant, String origin) {
		return preflight(tenant, origin, "POST", "content-type");
	}

	private MockHttpServletRequestBuilder preflight(String tenant, String origin, String method, String headers) {
		return options("/api/v1/assistant/tenants/" + tenant + "/chat").header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", headers)
			.with(r -> {
				r.setRemoteAddr(ip);
				return r;
			});
	}

	private MockHttpServletRequestBuilder chat(String tenant) {
		return post("/api/v1/assistant/tenants/" + tenant + "/chat").contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"住民票の写しを取りたいです。\",\"channel\":\"WIDGET\"}")
			.with(r -> {
				r.setRemoteAddr(ip);
				return r;
			});
	}

	@Test
	void anAllowedOriginGetsItsPreflightAndTheReplyWithItsOwnOriginEchoed() throws Exception {
		mvc.perform(preflight(city, CITY_SITE))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Access-Control-Allow-Origin", CITY_SITE))
			.andExpect(header().string("Access-Control-Allow-Methods", "GET, POST"))
			.andExpect(header().string("Access-Control-Allow-Headers", "Content-Type"))
			.andExpect(header().string("Access-Control-Max-Age", "600"))
			.andExpect(header().stringValues("Vary", hasItem("Origin")))
			.andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
		mvc.perform(chat(city).header("Origin", CITY_SITE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("ANSWER"))
			.andExpect(header().string("Access-Control-Allow-Origin", CITY_SITE))
			.andExpect(header().stringValues("Vary", hasItem("Origin")))
			.andExpect(header().doesNotExist("Access-Control-Allow-Credentials"))
			.andExpect(header().doesNotExist("Set-Cookie"));
		// the topic menu is a GET: no preflight, the same header on the reply
		mvc.perform(get("/api/v1/assistant/tenants/" + city + "/categories/WASTE").header("Origin", CITY_SITE))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", CITY_SITE));
	}

	@Test
	void anotherOriginIsRefusedAtThePreflightAndGetsNoCorsHeaders() throws Exception {
		mvc.perform(preflight(city, "https://evil.example"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		// allowed for one city is not allowed for another
		mvc.perform(preflight("shinonomeno", CITY_SITE)).andExpect(status().isForbidden());
		// the same host on another scheme or port is another origin
		mvc.perform(preflight(city, "http://www.town.kitayama.example.jp")).andExpect(status().isForbidden());
		mvc.perform(preflight(city, CITY_SITE + ":8443")).andExpect(status().isForbidden());
		mvc.perform(chat(city).header("Origin", "https://evil.example"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
			.andExpect(header().stringValues("Vary", hasItem("Origin")));
	}

	@Test
	void onlyGetAndPostWithContentTypeMayBeAskedFor() throws Exception {
		mvc.perform(preflight(city, CITY_SITE, "DELETE", "content-type"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		mvc.perform(preflight(city, CITY_SITE, "POST", "content-type, x-token"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownTenantIs404() throws Exception {
		mvc.perform(preflight("nowhere", CITY_SITE))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(preflight(Tenant.STANDARD, CITY_SITE)).andExpect(status().isNotFound());
		mvc.perform(chat("nowhere").header("Origin", CITY_SITE))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

	@Test
	void requestsWithoutOriginOrFromThePlatformItselfAreUnaffected() throws Exception {
		mvc.perform(chat(city))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
			.andExpect(header().doesNotExist("Vary"));
		// MockMvc's server is http://localhost: the widget on the platform's own pages needs no CORS
		mvc.perform(chat(city).header("Origin", "http://localhost"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
	}

	@Test
	void preflightsDoNotUseUpTheRateLimitAndA429StillReachesTheWidget() throws Exception {
		for (int i = 0; i < 40; i++) {
			mvc.perform(preflight(city, CITY_SITE)).andExpect(status().isNoContent());
		}
		for (int i = 0; i < 30; i++) {
			mvc.perform(chat(city).header("Origin", CITY_SITE)).andExpect(status().isOk());
		}
		mvc.perform(chat(city).header("Origin", CITY_SITE))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Access-Control-Allow-Origin", CITY_SITE))
			.andExpect(header().string("Access-Control-Expose-Headers", "Retry-After"))
			.andExpect(header().exists("Retry-After"));
	}
}
