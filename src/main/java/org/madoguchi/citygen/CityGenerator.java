package org.madoguchi.citygen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.madoguchi.registry.Address;
import org.madoguchi.registry.FamilyRegister;
import org.madoguchi.registry.ForeignResidence;
import org.madoguchi.registry.Gender;
import org.madoguchi.registry.HouseholdDraft;
import org.madoguchi.registry.ModulusEleven;
import org.madoguchi.registry.MyNumber;
import org.madoguchi.registry.PersonEntry;
import org.madoguchi.registry.PersonName;
import org.madoguchi.registry.Qualifications;
import org.madoguchi.registry.Relationship;
import org.madoguchi.registry.RegisterDate;
import org.madoguchi.registry.ResidentType;

/**
 * Builds households of a fictional Japanese city of about 500,000 (東雲野市). Household sizes follow
 * the 2020 census shape for such a city (single 38 %, two 28 %, three 17 %, four 12 %, five or more
 * 5 %); ages follow its population pyramid; about 3 % of households are foreign residents. The same
 * seed always gives the same city. Numbers that must be unique (個人番号, 住民票コード) come from a
 * seeded permutation, so they never collide within one city.
 */
final class CityGenerator {

	static final String CITY = "千葉県東雲野市";
	private static final String[] KANJI_DIGITS = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	/** Multiplier coprime to 10^10 and 10^11: i → (offset + i·STEP) mod 10^k is a permutation. */
	private static final long STEP = 7_919_000_003L;

	private final NameParts parts;
	private final Random random;
	private final LocalDate today;
	private final long numberOffset;
	private long serial;

	CityGenerator(NameParts parts, long seed, LocalDate today) {
		this.parts = parts;
		this.random = new Random(seed);
		this.today = today;
		this.numberOffset = Math.floorMod(seed * 1_000_003L, 10_000_000_000L);
	}

	/** The next household. */
	HouseholdDraft nextHousehold() {
		boolean foreign = random.nextDouble() < 0.03;
		int size = householdSize();
		Address address = address();
		int headAge = headAge(size);
		LocalDate since = today.minusDays(random.nextInt(Math.max(30, Math.min(headAge - 17, 40) * 365)));
		String previous = random.nextDouble() < 0.25 ? CITY + "内" : parts.honseki.get(random.nextInt(parts.honseki.size()))
				.replaceAll("\\d+番地$", "");
		List<PersonEntry> members = foreign ? foreignHousehold(size, headAge) : japaneseHousehold(size, headAge);
		return new HouseholdDraft(address, since, previous, withQualifications(members, since));
	}

	/**
	 * Insurance, pension, allowance and card items by age: 介護保険 from 65, 後期高齢者医療 from 75 (leaving
	 * 国保), 国民年金 from 20 to 59 by category, 国保 for about a quarter of the rest, 児童手当 for the head of a
	 * household with a child under 18, and a My Number Card for about 8 in 10.
	 */
	private List<PersonEntry> withQualifications(List<PersonEntry> members, LocalDate since) {
		LocalDate youngestChild = members.stream().filter(p -> p.relationship().equals("子"))
			.map(p -> p.birthDate().earliest()).filter(b -> b.plusYears(18).isAfter(today)).max(LocalDate::compareTo)
			.orElse(null);
		List<PersonEntry> out = new ArrayList<>(members.size());
		for (PersonEntry p : members) {
			LocalDate born = p.birthDate().earliest();
			int age = p.birthDate().ageOn(today);
			LocalDate nhiFrom = null;
			LocalDate nhiUntil = null;
			LocalDate lateFrom = age >= 75 ? born.plusYears(75) : null;
			LocalDate careFrom = age >= 65 ? born.plusYears(65) : null;
			if (age >= 65 || (age >= 20 && random.nextDouble() < 0.25)) {
				nhiFrom = max(since, age >= 65 ? born.plusYears(60) : born.plusYears(20));
				nhiUntil = lateFrom;
			}
			String pensionCategory = null;
			String pensionNumber = null;
			LocalDate pensionFrom = null;
			if (age >= 20) {
				pensionNumber = String.format("%04d%06d", 1000 + random.nextInt(9000), random.nextInt(1_000_000));
				pensionFrom = born.plusYears(20);
				if (age < 60) {
					boolean spouse = p.relationship().equals("妻") || p.relationship().equals("夫");
					pensionCategory = nhiFrom != null ? "1号" : spouse && random.nextDouble() < 0.5 ? "3号" : "2号";
				}
			}
			boolean head = Relationship.HEAD.equals(p.relationship());
			LocalDate allowanceFrom = head && youngestChild != null ? youngestChild.plusMonths(1).withDayOfMonth(1) : null;
			boolean card = random.nextDouble() < 0.78;
			out.add(p.withQualifications(new Qualifications(nhiFrom, nhiUntil, lateFrom, null, careFrom, null, pensionNumber,
					pensionCategory, pensionFrom, allowanceFrom, null, card ? "ISSUED" : "NONE",
					card && age >= 15 ? serial() : null, card ? serial() : null)));
		}
		return out;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private String serial() {
		return String.format("%016X", random.nextLong());
	}

	private int householdSize() {
		double r = random.nextDouble();
		if (r < 0.38) return 1;
		if (r < 0.66) return 2;
		if (r < 0.83) return 3;
		if (r < 0.95) return 4;
		return r < 0.985 ? 5 : 6;
	}

	/** Age of the head by household size, shaped like an ageing commuter city. */
	private int headAge(int size) {
		double r = random.nextDouble();
		return switch (size) {
			// students and young workers; middle-aged; older people living alone (about 4 in 10 singles)
			case 1 -> r < 0.38 ? 19 + random.nextInt(17) : r < 0.62 ? 36 + random.nextInt(29) : 65 + triangular(30);
			// older couples make up more than half of two-person households
			case 2 -> r < 0.55 ? 65 + triangular(28) : 25 + random.nextInt(40);
			// families with children; about a third are parents living with grown-up children
			default -> r < 0.35 ? 55 + random.nextInt(26) : 30 + random.nextInt(22);
		};
	}

	/** 0..max-1, more often small: the older, the fewer. */
	private int triangular(int max) {
		return (int) (max * (1 - Math.sqrt(random.nextDouble())));
	}

	private List<PersonEntry> japaneseHousehold(int size, int headAge) {
		List<PersonEntry> out = new ArrayList<>();
		NameParts.Name family = parts.family.pick(random);
		boolean headMale = size == 1 ? random.nextBoolean() : random.nextDouble() < 0.85;
		String honseki = parts.honseki.get(random.nextInt(parts.honseki.size()));
		String hittousha = null;
		PersonEntry head = japanese(family, headMale, birthYearOf(headAge), "世帯主", honseki, null);
		hittousha = family.kanji() + "\u3000" + head.name().given();
		out.add(withHittousha(head, hittousha));
		int remaining = size - 1;
		boolean singleParent = size >= 2 && random.nextDouble() < 0.12;
		if (remaining > 0 && !singleParent) {
			int age = Math.max(18, headAge + (headMale ? -random.nextInt(5) : random.nextInt(5)));
			out.add(withHittousha(japanese(family, !headMale, birthYearOf(age), headMale ? "妻" : "夫", honseki, null), hittousha));
			remaining--;
		}
		boolean threeGenerations = remaining >= 3 && random.nextDouble() < 0.3;
		if (threeGenerations) {
			int age = Math.min(100, headAge + 26 + random.nextInt(8));
			out.add(japanese(family, false, birthYearOf(age), "母", parts.honseki.get(random.nextInt(parts.honseki.size())), null));
			remaining--;
		}
		for (int i = 0; i < remaining; i++) {
			int age = Math.max(0, headAge - 24 - random.nextInt(14) - i * 2);
			out.add(withHittousha(japanese(family, random.nextBoolean(), birthYearOf(age), "子", honseki, null), hittousha));
		}
		return out;
	}

	private PersonEntry japanese(NameParts.Name family, boolean male, int birthYear, String relationship, String honseki,
			String hittousha) {
		NameParts.Name given = parts.given(male, birthYear, random);
		RegisterDate birth = birthDate(birthYear);
		return new PersonEntry(new PersonName(family.kanji(), given.kanji(), family.kana(), given.kana(),
				random.nextDouble() < 0.4, null, null, null, null, null), birth, male ? Gender.MALE : Gender.FEMALE,
				ResidentType.JAPANESE, new FamilyRegister(honseki, hittousha), null, relationship, residentCode(),
				random.nextDouble() < 0.8 ? myNumber() : null, birth.ageOn(today) >= 18);
	}

	private static PersonEntry withHittousha(PersonEntry p, String hittousha) {
		return new PersonEntry(p.name(), p.birthDate(), p.gender(), p.type(),
				new FamilyRegister(p.familyRegister().honseki(), hittousha), p.foreign(), p.relationship(), p.residentCode(),
				p.myNumber(), p.voterRegistered());
	}

	private List<PersonEntry> foreignHousehold(int size, int headAge) {
		List<PersonEntry> out = new ArrayList<>();
		NameParts.ForeignName head = parts.foreign.pick(random);
		out.add(foreign(head, head.familyAlpha(), head.familyKana(), head.familyKanji(), birthYearOf(Math.min(headAge, 60)),
				"世帯主", head.gender().equals("M")));
		for (int i = 1; i < Math.min(size, 4); i++) {
			NameParts.ForeignName member = pickSameNationality(head.nationality());
			boolean spouse = i == 1;
			int age = spouse ? headAge : Math.max(0, headAge - 25 - random.nextInt(10));
			boolean male = spouse ? !head.gender().equals("M") : random.nextBoolean();
			out.add(foreign(member, head.familyAlpha(), head.familyKana(), head.familyKanji(), birthYearOf(age),
					spouse ? (male ? "夫" : "妻") : "子", male));
		}
		return out;
	}

	private NameParts.ForeignName pickSameNationality(String nationality) {
		for (int i = 0; i < 20; i++) {
			NameParts.ForeignName n = parts.foreign.pick(random);
			if (n.nationality().equals(nationality)) {
				return n;
			}
		}
		return parts.foreign.pick(random);
	}

	private PersonEntry foreign(NameParts.ForeignName n, String familyAlpha, String familyKana, String familyKanji,
			int birthYear, String relationship, boolean male) {
		String alphabet = familyAlpha + " " + n.givenAlpha();
		boolean kanji = !familyKanji.isEmpty() && !n.givenKanji().isEmpty();
		String status = random.nextDouble() < 0.35 ? "永住者"
				: new String[] { "技術・人文知識・国際業務", "技能実習", "留学", "家族滞在", "特定技能", "定住者" }[random.nextInt(6)];
		boolean special = n.nationality().equals("韓国") && random.nextDouble() < 0.4;
		LocalDate expiry = status.equals("永住者") || special ? null : today.plusDays(30 + random.nextInt(1000));
		LocalDate born = LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
		RegisterDate birth = RegisterDate.western(born.isAfter(today) ? today.minusDays(random.nextInt(300)) : born);
		return new PersonEntry(new PersonName(kanji ? familyKanji : familyAlpha, kanji ? n.givenKanji() : n.givenAlpha(),
				familyKana, n.givenKana(), false, null, null, null, null, alphabet), birth, male ? Gender.MALE : Gender.FEMALE,
				ResidentType.FOREIGN, null,
				new ForeignResidence(n.nationality(), special ? "特別永住者" : "中長期在留者", special ? null : status,
						expiry == null ? null : (1 + random.nextInt(5)) + "年", expiry,
						special ? null : cardNumber()),
				relationship, residentCode(), random.nextDouble() < 0.7 ? myNumber() : null, false);
	}

	private int birthYearOf(int age) {
		return today.getYear() - age;
	}

	/** A birth date; about 1 in 2,000 older records has an unknown day (不詳), as in old registers. */
	private RegisterDate birthDate(int year) {
		int month = 1 + random.nextInt(12);
		int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
		LocalDate date = LocalDate.of(year, month, day);
		if (date.isAfter(today)) {
			date = today.minusDays(random.nextInt(300));
		}
		RegisterDate d = RegisterDate.of(date);
		if (year < 1950 && random.nextInt(2000) == 0) {
			return new RegisterDate(d.year(), d.month(), 0, d.eraCode());
		}
		return d;
	}

	private Address address() {
		NameParts.Town town = parts.towns.pick(random);
		StringBuilder text = new StringBuilder(CITY).append(town.name());
		if (town.chome() > 0) {
			text.append(KANJI_DIGITS[1 + random.nextInt(town.chome())]).append("丁目");
		}
		text.append(1 + random.nextInt(town.banchiMax())).append('番').append(1 + random.nextInt(30)).append('号');
		String katagaki = null;
		double building = town.area().equals("団地") ? 0.9 : town.area().equals("中心市街地") ? 0.6 : 0.3;
		if (random.nextDouble() < building) {
			NameParts.Building b = parts.buildings.get(random.nextInt(parts.buildings.size()));
			int floors = Math.max(1, b.units() / 8);
			katagaki = b.name() + "\u3000" + (1 + random.nextInt(floors)) + String.format("%02d", 1 + random.nextInt(8)) + "号室";
		}
		return new Address(town.code(), text.toString(), katagaki, town.postalCode());
	}

	private String myNumber() {
		long n = Math.floorMod(numberOffset + serial++ * STEP, 100_000_000_000L);
		return MyNumber.withCheckDigit(String.format("%011d", n)).value();
	}

	private String residentCode() {
		long n = Math.floorMod(numberOffset * 7 + serial++ * STEP, 10_000_000_000L);
		return ModulusEleven.withCheckDigit(String.format("%010d", n));
	}

	private String cardNumber() {
		String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
		return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
				+ String.format("%08d", random.nextInt(100_000_000)) + letters.charAt(random.nextInt(letters.length()))
				+ letters.charAt(random.nextInt(letters.length()));
	}
}
