package org.madoguchi.issuance.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Writes one sample of each kind to a directory (default /work/notes/samples) for looking at. */
public final class SampleWriter {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "/work/notes/samples");
		Files.createDirectories(dir);
		CertifiedCopyRenderer renderer = new CertifiedCopyRenderer();
		Files.write(dir.resolve("juminhyo-household.pdf"), renderer.render(Samples.juminhyo(3)));
		Files.write(dir.resolve("juminhyo-household-12-all-items.pdf"),
				renderer.render(Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD,
						PrintOptions.standard().withRelationship().withHonseki().withResidentCode().withMyNumber(),
						Samples.household(12))));
		Files.write(dir.resolve("juminhyo-individual.pdf"), renderer.render(Samples.copy(DocumentKind.JUMINHYO_COPY,
				Layout.INDIVIDUAL, PrintOptions.standard().withRelationship(), Samples.household(2))));
		Files.write(dir.resolve("johyo.pdf"), renderer.render(Samples.johyo()));
		Files.write(dir.resolve("kisai-jiko-shomei.pdf"),
				renderer.render(Samples.copy(DocumentKind.KISAI_JIKO_SHOMEI, Layout.INDIVIDUAL,
						PrintOptions.certifying(Set.of(Item.BIRTH_DATE, Item.GENDER, Item.RELATIONSHIP)),
						List.of(Samples.person(0)))));
		Files.write(dir.resolve("juminhyo-foreign.pdf"), renderer.render(Samples.foreigner()));
		String address = "東雲野市" + "民田町二丁目三番地四号".repeat(14) + "一二";
		PrintedPerson longest = Samples.person(0)
			.withFamilyRegister(address, "田中　民夫")
			.withFormerName("旧".repeat(64), "キュウ".repeat(21))
			.withRemoval(null);
		Files.write(dir.resolve("juminhyo-longest-values.pdf"),
				renderer.render(new CertifiedCopy(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL,
						PrintOptions.standard().withHonseki().withRelationship(),
						new Household("田中　民夫", address, "民".repeat(64)), List.of(longest), Samples.NUMBER,
						Samples.NUMBER.date(), "東雲野市長", "東雲　太一", Samples.URL + "?" + "x".repeat(200))));
	}
}
