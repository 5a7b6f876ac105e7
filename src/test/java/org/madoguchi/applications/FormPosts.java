package org.madoguchi.applications;

import java.util.HashMap;
import java.util.Map;

/** Form posts for {@link Applications#savePage} in tests, as a resident's browser sends them. */
public final class FormPosts {

	private FormPosts() {
	}

	/** Name/value pairs; a name given twice sends both values (checkboxes). */
	public static Map<String, String[]> params(String... pairs) {
		Map<String, String[]> m = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.merge(pairs[i], new String[] { pairs[i + 1] }, (a, b) -> {
				String[] c = java.util.Arrays.copyOf(a, a.length + 1);
				c[a.length] = b[0];
				return c;
			});
		}
		return m;
	}

	/** The "applicant" page of the certificate requests (住民票の写し and the test certificate), filled in. */
	public static Map<String, String[]> applicantPage() {
		return params("f.name", "東雲 花子", "f.kana", "しののめ はなこ", "f.birthDate.era", "S", "f.birthDate.year", "60",
				"f.birthDate.month", "4", "f.birthDate.day", "1", "f.address.postalCode", "2990001",
				"f.address.address", "千葉県東雲野市本町一丁目2番3号", "f.address.building", "", "f.phone", "043-123-4567");
	}
}
