package org.madoguchi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.madoguchi.registry.ModulusEleven;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** CSV import is all-or-nothing and names every bad row and field; export round-trips. */
@SpringBootTest
@AutoConfigureMockMvc
class RegisterCsvApiTests {

	static final String HEADER = "household_key,relationship,family_name,given_name,family_name_kana,given_name_kana,"
			+ "birth_date,gender,resident_type,address,resident_code\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	static String code() {
		return ModulusEleven.withCheckDigit(String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)));
	}

	@Test
	void aCleanFileIsImportedAndExported() throws Exception {
		String family = "取込" + ThreadLocalRandom.current().nextInt(100000);
		String csv = HEADER
				+ "h1,世帯主," + family + ",一郎,トリコミ,イチロウ,S55.5.5,1,JAPANESE,千葉県東雲野市中央一丁目1番1号," + code() + "\n"
				+ "h1,妻," + family + ",花子,トリコミ,ハナコ,1982-07-00,2,JAPANESE,千葉県東雲野市中央一丁目1番1号," + code() + "\n"
				+ "h2,世帯主," + family + ",次郎,トリコミ,ジロウ,H2.2.2,MALE,JAPANESE,千葉県東雲野市本町1番1号,\n";
		mvc.perform(post("/api/v1/register/import").with(user("kanri").roles("ADMIN")).contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.households").value(2))
			.andExpect(jsonPath("$.persons").value(3));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_record WHERE family_name = ? AND latest",
				Integer.class, family)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT birth_date FROM resident_record WHERE family_name = ? AND given_name = '花子'",
				String.class, family)).isEqualTo("19820700");

		String exported = mvc.perform(get("/api/v1/register/export").with(user("renkei").roles("LINKAGE")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).startsWith("atena_number,household_number,history_number,status");
		assertThat(exported).contains(family + ",花子,トリコミ,ハナコ,1982-07-00,FEMALE,JAPANESE");
	}

	@Test
	void aFileWithBadRowsWritesNothingAndNamesEveryProblem() throws Exception {
		String family = "不良" + ThreadLocalRandom.current().nextInt(100000);
		String taken = code();
		String csv = HEADER
				+ "a,世帯主," + family + ",一,フリョウ,イチ,S55.5.5,1,JAPANESE,千葉県東雲野市中央1番," + taken + "\n"
				+ "a,妻," + family + ",二,ふりょう,ニ,S55.13.5,2,JAPANESE,千葉県東雲野市中央1番,12345678901\n"
				+ "b,世帯主," + family + ",三,フリョウ,サン,S55.5.5,3,JAPANESE,千葉県東雲野市中央1番," + taken + "\n"
				+ "c,世帯主," + family + "\n";
		mvc.perform(post("/api/v1/register/import").with(user("kanri").roles("ADMIN")).contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8)).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'family_name_kana')].code").value("error.katakana"))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'birth_date')].code").value("error.date"))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'resident_code')].code").value("error.residentCode"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'gender')].code").value("error.choice"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.field == 'resident_code')].code").value("error.residentCode.taken"))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].code").value("error.csv.columnCount"));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident_record WHERE family_name = ?", Integer.class, family))
			.isZero();
	}

	@Test
	void onlyAdministratorsImport() throws Exception {
		mvc.perform(post("/api/v1/register/import").with(user("madoguchi").roles("COUNTER")).contentType("text/csv")
				.content(HEADER)).andExpect(status().isForbidden());
	}
}
