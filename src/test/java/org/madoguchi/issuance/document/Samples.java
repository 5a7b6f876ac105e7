package org.madoguchi.issuance.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test households and copies (fictional people of 東雲野市). */
final class Samples {

	static final String URL = "https://shinonome.example.jp/verify/9f3Kx2QwLpZ7";
	static final IssueNumber NUMBER = new IssueNumber(LocalDate.of(2026, 11, 26), "東雲野市", "電子交付", "プリンタ001", 11);
	static final Household HOUSEHOLD = new Household("田中　民夫", "東雲野市民田町二丁目3番4号", "民田ハイツ201号室");

	private static final String[][] FAMILY = {
			{ "田中　民夫", "タナカ　タミオ", "昭和60年4月1日", "男", "世帯主" },
			{ "田中　美民", "タナカ　ミタミ", "昭和62年12月24日", "女", "妻" },
			{ "田中　一郎", "タナカ　イチロウ", "平成27年6月3日", "男", "子" },
			{ "田中　花子", "タナカ　ハナコ", "平成29年2月14日", "女", "子" },
			{ "田中　次郎", "タナカ　ジロウ", "令和元年5月1日", "男", "子" },
			{ "田中　三郎", "タナカ　サブロウ", "令和3年8月30日", "男", "子" },
			{ "田中　民江", "タナカ　タミエ", "昭和30年1月9日", "女", "母" },
			{ "田中　四郎", "タナカ　シロウ", "令和4年9月9日", "男", "子" },
			{ "田中　桜", "タナカ　サクラ", "令和5年3月3日", "女", "子" },
			{ "田中　五郎", "タナカ　ゴロウ", "令和6年10月10日", "男", "子" },
			{ "田中　六郎", "タナカ　ロクロウ", "令和7年1月1日", "男", "子" },
			{ "山田　太郎", "ヤマダ　タロウ", "平成2年7月7日", "男", "同居人" } };

	private Samples() {
	}

	static PrintedPerson person(int i) {
		String[] f = FAMILY[i % FAMILY.length];
		return PrintedPerson.of(f[0], f[1], f[2], f[3], f[4], "平成20年4月1日", "令和2年4月1日 転入", "令和2年4月3日",
				"横浜市中区山下町1番地")
			.withFamilyRegister("東雲野市民田町二丁目3番地", "田中　民夫")
			.withCodes(String.format("%011d", 12345678901L + i), String.format("1234%08d", 56780000 + i));
	}

	static List<PrintedPerson> household(int members) {
		List<PrintedPerson> list = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			list.add(person(i));
		}
		return list;
	}

	static CertifiedCopy copy(DocumentKind kind, Layout layout, PrintOptions options, List<PrintedPerson> persons) {
		return new CertifiedCopy(kind, layout, options, HOUSEHOLD, persons, NUMBER, LocalDate.of(2026, 11, 26),
				"東雲野市長", "東雲　太一", URL);
	}

	static CertifiedCopy juminhyo(int members) {
		return copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, PrintOptions.standard(), household(members));
	}

	static CertifiedCopy johyo() {
		List<PrintedPerson> persons = new ArrayList<>();
		persons.add(person(0).withRemoval(new PrintedPerson.Removal("転出", "令和8年3月31日", "札幌市北区北八条西二丁目1番地")));
		persons.add(person(1).withRemoval(new PrintedPerson.Removal("死亡", "令和8年1月15日", null)));
		return copy(DocumentKind.JOHYO_COPY, Layout.HOUSEHOLD, PrintOptions.standard(), persons);
	}

	static CertifiedCopy foreigner() {
		PrintedPerson p = new PrintedPerson("NGUYEN VAN AN", null, null, null, "阮　文安", "グエン　バン　アン", "1995年3月12日",
				"男", "世帯主", "令和4年10月1日", "令和4年10月1日 国外転入", "令和4年10月5日", "ベトナム", null, null, null, null,
				new PrintedPerson.Foreign("ベトナム", "中長期在留者", "技術・人文知識・国際業務", "3年", "令和10年9月30日"), null);
		return copy(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL, PrintOptions.standard().withResidence(), List.of(p));
	}
}
