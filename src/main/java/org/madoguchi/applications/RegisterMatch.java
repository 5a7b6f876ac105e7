package org.madoguchi.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.madoguchi.platform.NotFoundException;
import org.madoguchi.platform.RuleViolationException;
import org.madoguchi.procedures.FieldDefinition;
import org.madoguchi.procedures.Prefill;
import org.madoguchi.procedures.ProcedureDefinition;
import org.madoguchi.registry.AtenaNumber;
import org.madoguchi.registry.Kana;
import org.madoguchi.registry.PersonView;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentRecord;
import org.madoguchi.registry.ResidentRegister;
import org.madoguchi.registry.ResidentSearch;
import org.springframework.stereotype.Component;

/**
 * The review screen's comparison of what the applicant wrote with the register (申請管理システム標準仕様:
 * the applicant is identified against 住基). For an applicant linked to a person, each identity answer is
 * compared with the register; for others, persons with the same reading and birth date are offered as
 * candidates. Every register read is logged by the registry as the reviewing staff member's.
 */
@Component
public class RegisterMatch {

	private final ResidentRegister register;

	RegisterMatch(ResidentRegister register) {
		this.register = register;
	}

	/** One compared item. */
	public record Line(String item, String answered, String registered, boolean same) {
	}

	/** The outcome: the linked person's lines, or candidates, or nothing to compare. */
	public record Result(String atenaNumber, List<Line> lines, List<ResidentRecord> candidates, String problem) {

		public boolean allSame() {
			return !lines.isEmpty() && lines.stream().allMatch(Line::same);
		}
	}

	public Result match(Application a, ProcedureDefinition d) {
		String name = answer(a, d, Prefill.NAME);
		String kana = answer(a, d, Prefill.KANA);
		String birth = answer(a, d, Prefill.BIRTH_DATE);
		String address = addressAnswer(a, d);
		if (a.atenaNumber() != null) {
			PersonView person;
			try {
				person = register.person(new AtenaNumber(a.atenaNumber()));
			}
			catch (NotFoundException | RuleViolationException e) {
				return new Result(a.atenaNumber(), List.of(), List.of(), "applications.match.unavailable");
			}
			ResidentRecord r = person.record();
			List<Line> lines = new ArrayList<>();
			if (name != null) {
				lines.add(new Line("name", name, r.name().full(), squeeze(name).equals(squeeze(r.name().full()))));
			}
			if (kana != null) {
				lines.add(new Line("kana", kana, r.name().fullKana(),
						Kana.searchKey(kana).equals(Kana.searchKey(r.name().fullKana()))));
			}
			if (birth != null) {
				lines.add(new Line("birthDate", birth, r.birthDate().iso(), birth.equals(r.birthDate().iso())));
			}
			if (address != null) {
				lines.add(new Line("address", address, r.address().text(), squeeze(address).startsWith(squeeze(r.address().text()))));
			}
			lines.add(new Line("status", "", r.status().name(), r.isResident()));
			return new Result(a.atenaNumber(), lines, List.of(), null);
		}
		if (kana == null || birth == null) {
			return new Result(null, List.of(), List.of(), "applications.match.nothingToCompare");
		}
		RegisterDate date;
		try {
			date = RegisterDate.of(LocalDate.parse(birth));
		}
		catch (RuntimeException e) {
			return new Result(null, List.of(), List.of(), "applications.match.nothingToCompare");
		}
		List<ResidentRecord> candidates = register
			.search(new ResidentSearch(null, Kana.searchKey(kana), null, null, date, false, 5, 0));
		return new Result(null, List.of(), candidates, candidates.isEmpty() ? "applications.match.noCandidate" : null);
	}

	private static String answer(Application a, ProcedureDefinition d, Prefill prefill) {
		return d.fields()
			.filter(f -> f.prefill() == prefill)
			.map(FieldDefinition::id)
			.map(id -> a.answers().get(id))
			.filter(v -> v instanceof String s && !s.isBlank())
			.map(Object::toString)
			.findFirst()
			.orElse(null);
	}

	private static String addressAnswer(Application a, ProcedureDefinition d) {
		return d.fields()
			.filter(f -> f.prefill() == Prefill.ADDRESS)
			.map(f -> a.answers().get(f.id()))
			.filter(v -> v instanceof Map<?, ?>)
			.map(v -> String.valueOf(((Map<?, ?>) v).get("address")))
			.findFirst()
			.orElse(null);
	}

	private static String squeeze(String s) {
		return s == null ? "" : s.replaceAll("[\\s\u3000]", "");
	}
}
