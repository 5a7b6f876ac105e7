package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every definition shipped in {@code procedures/} parses and passes the structural checks. */
class ProcedureFilesTest {

	/**
	 * The shipped files: those beside the production classes. ({@code classpath:} would find only the first
	 * {@code procedures/} directory on the class path, which in tests is the one with the test fixtures.)
	 */
	static List<Resource> files() throws IOException {
		String classes = ProcedureYaml.class.getProtectionDomain().getCodeSource().getLocation().toString();
		return List.of(new PathMatchingResourcePatternResolver().getResources(classes + "procedures/*.yml"));
	}

	@Test
	void everyShippedDefinitionIsValidAndNamedAfterItsFile() throws IOException {
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Resource r : files()) {
			String source = r.getContentAsString(StandardCharsets.UTF_8);
			try {
				ProcedureDefinition d = ProcedureYaml.parse(source);
				if (!(d.id() + ".yml").equals(r.getFilename())) {
					problems.add(r.getFilename() + ": id " + d.id() + " differs from the file name");
				}
				if (!ids.add(d.id())) {
					problems.add(r.getFilename() + ": id used twice");
				}
			}
			catch (DefinitionException e) {
				e.problems().forEach(p -> problems.add(r.getFilename() + ": " + p));
			}
		}
		assertThat(problems).isEmpty();
		assertThat(ids).contains("juminhyo-copy").as("test fixtures are not shipped").doesNotContain("test-certificate");
	}

	@Test
	void theCheckerNamesTheFieldAndTheProblem() {
		String broken = """
				id: broken
				name: {ja: 壊れた手続, en: Broken}
				summary: {ja: 説明, en: Summary}
				category: OTHER
				pages:
				  - id: one
				    title: {ja: 一, en: One}
				    fields:
				      - id: choice
				        type: RADIO
				        label: {ja: 選択, en: Choice}
				        options:
				          - {value: a, label: {ja: あ, en: A}}
				      - id: other
				        type: TEXT
				        label: {ja: その他, en: Other}
				        visibleWhen: {field: choice, equals: z}
				workflow: {slaDays: 5, steps: [{id: review, name: {ja: 審査, en: Review}, role: CLERK}]}
				""";
		assertThatThrownBy(() -> ProcedureYaml.parse(broken)).isInstanceOfSatisfying(DefinitionException.class,
				e -> assertThat(e.problems()).anyMatch(p -> p.contains("(choice).options"))
					.anyMatch(p -> p.contains("(other).visibleWhen") && p.contains("no option z"))
					.anyMatch(p -> p.contains("role")));
	}

	@Test
	void unknownKeysAreRefusedWithTheirLine() {
		assertThatThrownBy(() -> ProcedureYaml.parse("id: x1\nnmae: {ja: a}\n"))
			.isInstanceOfSatisfying(DefinitionException.class,
					e -> assertThat(e.problems().get(0)).contains("nmae").contains("line "));
	}
}
