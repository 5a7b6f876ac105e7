package org.madoguchi.issuance.document;

/**
 * The household part printed at the top of every page. The 世帯番号 is never printed (a management item).
 *
 * @param headName 世帯主の氏名 (printed only when the 世帯主・続柄 switch is on; may be blank: a household may have
 *        no 世帯主 set)
 * @param address 住所 (市区町村名 onwards; required)
 * @param katagaki 方書 (building and room; may be blank)
 */
public record Household(String headName, String address, String katagaki) {

	public Household {
		headName = Texts.optional("世帯主", headName, Texts.NAME);
		address = Texts.required("住所", address, Texts.ADDRESS);
		katagaki = Texts.optional("方書", katagaki, Texts.NAME);
	}

	Household map(java.util.function.BiFunction<String, String, String> f) {
		return new Household(f.apply("世帯主", headName), f.apply("住所", address), f.apply("方書", katagaki));
	}
}
