package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A small dictionary of general Japanese municipal vocabulary (市役所の言い換え): words residents and the city use
 * for the same thing. Written for this project from general knowledge of city-hall wording; it is deliberately
 * not derived from any benchmark's queries.
 *
 * <p>Expansion works on the normalised text, not on tokens, because several entries are multi-word
 * ({@code 住民票の写し}) and kuromoji's search mode splits compounds differently on each side.
 */
final class MunicipalSynonyms {

	private static final List<List<String>> GROUPS = List.of(
			List.of("引越し", "引っ越し", "引越", "転居", "転入", "転出", "住所変更"),
			List.of("ごみ", "ゴミ", "塵", "廃棄物"),
			List.of("粗大ごみ", "粗大ゴミ"),
			List.of("住民票", "住民票の写し"),
			List.of("保育園", "保育所"),
			List.of("マイナンバー", "個人番号"),
			List.of("マイナンバーカード", "個人番号カード"),
			List.of("印鑑証明", "印鑑証明書", "印鑑登録証明書"),
			List.of("戸籍謄本", "戸籍全部事項証明書"),
			List.of("戸籍抄本", "戸籍個人事項証明書"),
			List.of("国保", "国民健康保険"),
			List.of("住民税", "市民税", "市県民税", "市・県民税"),
			List.of("子ども", "子供", "こども"),
			List.of("児童手当", "子ども手当"),
			List.of("高齢者", "お年寄り", "老人"),
			List.of("障害者", "障がい者", "障碍者"),
			List.of("健診", "健康診断", "検診"),
			List.of("予防接種", "ワクチン"),
			List.of("駐輪場", "自転車置き場"),
			List.of("納付", "支払い", "払い込み"),
			List.of("申請", "申し込み", "申込み", "申込"),
			List.of("料金", "手数料", "費用"),
			List.of("持ち物", "必要書類", "必要なもの"),
			List.of("届出", "届け出"),
			List.of("婚姻届", "結婚"),
			List.of("出生届", "出産"),
			List.of("市営住宅", "公営住宅"),
			List.of("市役所", "市庁舎"),
			List.of("開庁時間", "受付時間"));

	private MunicipalSynonyms() {
	}

	/**
	 * The synonyms of words found in {@code normalized} that it does not already contain, joined by spaces
	 * (empty when none): searched as an extra, lower-weighted clause.
	 */
	static String expansion(String normalized) {
		Set<String> extra = new LinkedHashSet<>();
		for (List<String> group : GROUPS) {
			List<String> present = new ArrayList<>();
			for (String w : group) {
				String n = FaqText.normalize(w);
				if (normalized.contains(n)) {
					present.add(n);
				}
			}
			if (present.isEmpty()) {
				continue;
			}
			for (String w : group) {
				String n = FaqText.normalize(w);
				if (!normalized.contains(n)) {
					extra.add(n);
				}
			}
		}
		return String.join(" ", extra);
	}
}
