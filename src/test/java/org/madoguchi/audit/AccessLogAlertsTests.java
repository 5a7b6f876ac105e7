package org.madoguchi.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor is shown night-time reads and mass reads, and nothing for ordinary daytime work. */
@SpringBootTest
@AutoConfigureMockMvc
class AccessLogAlertsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	void read(String actor, java.time.LocalDateTime at, int times) {
		for (int i = 0; i < times; i++) {
			jdbc.update("INSERT INTO access_log (occurred_at, actor, action, subject, outcome) VALUES (?, ?, 'READ_PERSON', "
					+ "'0000000019', 'OK')", Timestamp.from(at.plusSeconds(i).atZone(ZoneId.systemDefault()).toInstant()), actor);
		}
	}

	@Test
	void nightAndMassReadsAreFlagged() throws Exception {
		String night = "n" + UUID.randomUUID().toString().substring(0, 8);
		String mass = "m" + UUID.randomUUID().toString().substring(0, 8);
		String day = "d" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate yesterday = LocalDate.now().minusDays(1);
		read(night, yesterday.atTime(2, 30), 3);
		read(mass, yesterday.atTime(10, 5), 12);
		read(day, yesterday.atTime(11, 0), 5);
		var auditor = user("kansa").roles("AUDITOR");
		mvc.perform(get("/api/v1/audit/alerts").param("threshold", "10").with(auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.actor == '" + night + "')].kind").value("NIGHT"))
			.andExpect(jsonPath("$[?(@.actor == '" + night + "')].accesses").value(3))
			.andExpect(jsonPath("$[?(@.actor == '" + mass + "')].kind").value("MASS"))
			.andExpect(jsonPath("$[?(@.actor == '" + day + "')]").isEmpty());
		mvc.perform(get("/api/v1/audit/alerts").with(user("madoguchi").roles("COUNTER"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/audit").with(auditor)).andExpect(status().isOk());
	}
}
