package org.madoguchi.citygen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/** The project's own name parts and place names (src/main/resources/citygen/*.tsv), with weighted picks. */
final class NameParts {

	record Name(String kanji, String kana, int era, int weight) {
	}

	record Town(String code, String name, String kana, int chome, String postalCode, int banchiMax, String area) {
	}

	record Building(String name, String kind, int units) {
	}

	record ForeignName(String nationality, String familyAlpha, String givenAlpha, String familyKana, String givenKana,
			String gender, int weight, String familyKanji, String givenKanji) {
	}

	final Weighted<Name> family;
	final List<Name> male;
	final List<Name> female;
	final Weighted<Town> towns;
	final List<Building> buildings;
	final Weighted<ForeignName> foreign;
	final List<String> honseki;

	private NameParts() {
		family = new Weighted<>(read("family-names.tsv", c -> new Name(c[0], c[1], 0, Integer.parseInt(c[2]))), Name::weight);
		male = read("given-names-male.tsv", c -> new Name(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3])));
		female = read("given-names-female.tsv", c -> new Name(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3])));
		towns = new Weighted<>(read("towns.tsv", c -> new Town(c[0], c[1], c[2], Integer.parseInt(c[3]), c[4],
				Integer.parseInt(c[5]), c[6])), t -> switch (t.area()) {
					case "中心市街地" -> 14;
					case "住宅地" -> 12;
					case "団地" -> 16;
					case "郊外" -> 6;
					default -> 2;
				});
		buildings = read("buildings.tsv", c -> new Building(c[0], c[2], Integer.parseInt(c[3])));
		foreign = new Weighted<>(read("foreign-names.tsv", c -> new ForeignName(c[0], c[1], c[2], c[3], c[4], c[5],
				Integer.parseInt(c[6]), c.length > 7 ? c[7] : "", c.length > 8 ? c[8] : "")), ForeignName::weight);
		honseki = read("honseki.tsv", c -> c[0] + c[1]);
	}

	static NameParts load() {
		return new NameParts();
	}

	/** A given name typical of the cohort born around {@code birthYear}. */
	Name given(boolean isMale, int birthYear, Random random) {
		int era = birthYear < 1940 ? 1930 : birthYear < 1960 ? 1950 : birthYear < 1980 ? 1970 : birthYear < 2000 ? 1990 : 2010;
		List<Name> cohort = (isMale ? male : female).stream().filter(n -> n.era() == era).toList();
		return new Weighted<>(cohort, Name::weight).pick(random);
	}

	private static <T> List<T> read(String file, java.util.function.Function<String[], T> row) {
		try (var in = NameParts.class.getResourceAsStream("/citygen/" + file)) {
			if (in == null) {
				throw new IllegalStateException("missing /citygen/" + file);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<T> out = new ArrayList<>();
			reader.readLine(); // header
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank() && !line.startsWith("#")) {
					out.add(row.apply(line.split("\t", -1)));
				}
			}
			return List.copyOf(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Picks items with probability proportional to a weight. */
	static final class Weighted<T> {
		private final List<T> items;
		private final long[] cumulative;

		Weighted(List<T> items, ToIntFunction<T> weight) {
			this.items = items;
			this.cumulative = new long[items.size()];
			long sum = 0;
			for (int i = 0; i < items.size(); i++) {
				sum += Math.max(1, weight.applyAsInt(items.get(i)));
				cumulative[i] = sum;
			}
		}

		T pick(Random random) {
			long r = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
			int i = java.util.Arrays.binarySearch(cumulative, r + 1);
			return items.get(i >= 0 ? i : -i - 1);
		}
	}
}
