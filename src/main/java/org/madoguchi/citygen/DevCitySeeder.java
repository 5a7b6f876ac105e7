package org.madoguchi.citygen;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** start-dev: seeds the demo city (about 10,000 residents, seed 1) on the first start. */
@Component
@Profile("dev")
@Order(10)
class DevCitySeeder implements ApplicationRunner {

	private final SyntheticCity city;
	private final int residents;
	private final String tool;

	DevCitySeeder(SyntheticCity city, @Value("${madoguchi.citygen.seed-on-first-start:10000}") int residents,
			@Value("${madoguchi.tool:}") String tool) {
		this.city = city;
		this.residents = residents;
		this.tool = tool;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (residents > 0 && tool.isEmpty() && city.registerIsEmpty()) {
			System.out.printf("First start: generating the demo city (%,d residents) …%n", residents);
			SyntheticCity.Result r = city.generate(residents, 1, n -> {
			});
			System.out.printf("Demo city ready: %,d residents in %,d households (%.1f s).%n", r.persons(), r.households(),
					r.millis() / 1000.0);
		}
	}
}
