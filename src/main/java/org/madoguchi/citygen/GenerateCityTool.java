package org.madoguchi.citygen;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code bin/madoguchi generate-city --residents N --seed S}: fills an empty register with a
 * synthetic city. Refuses a register that already has residents (numbers of two cities could clash).
 */
@Component
@ConditionalOnProperty(name = "madoguchi.tool", havingValue = "generate-city")
class GenerateCityTool implements ApplicationRunner {

	private final SyntheticCity city;

	GenerateCityTool(SyntheticCity city) {
		this.city = city;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().isEmpty()) {
			throw new IllegalArgumentException("unexpected arguments " + args.getNonOptionArgs() + " (write options as --name=value)");
		}
		int residents = Integer.parseInt(option(args, "residents", "10000"));
		long seed = Long.parseLong(option(args, "seed", "1"));
		if (residents < 1 || residents > 5_000_000) {
			throw new IllegalArgumentException("--residents must be between 1 and 5,000,000");
		}
		if (!city.registerIsEmpty()) {
			throw new IllegalStateException("the register already holds residents; generate-city needs an empty one "
					+ "(use a new --data-dir or database)");
		}
		long[] last = { 0 };
		SyntheticCity.Result r = city.generate(residents, seed, n -> {
			if (n - last[0] >= 50_000) {
				System.out.printf("  %,d residents …%n", n);
				last[0] = n;
			}
		});
		System.out.printf("Generated %,d residents in %,d households (%d under 支援措置) in %.1f s: %,.0f residents/s%n",
				r.persons(), r.households(), r.protectedPersons(), r.millis() / 1000.0, r.persons() * 1000.0 / Math.max(1, r.millis()));
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		var values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}
}
