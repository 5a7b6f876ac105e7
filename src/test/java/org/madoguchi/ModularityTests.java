package org.madoguchi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries (no cycles, only published APIs used) and writes the module docs. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(MadoguchiApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		// PlantUML C4 diagrams of all modules and of each one, in target/spring-modulith-docs. (Module canvases
		// are left out: Spring Modulith 2.0.3's Javadoc reader fails on records without documented methods.)
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
