package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;

/**
 * A dictionary of general Japanese municipal vocabulary (市役所の言い換え): words residents and the city use for
 * the same thing, colloquial ↔ official. Written for this project from general knowledge of city-hall wording;
 * it is deliberately not derived from any benchmark's queries or FAQ. It complements the SudachiDict synonyms,
 * which lack much of this vocabulary ({@code 住民票}, {@code 粗大ごみ}).
 *
 * <p>Notation: {@code |} separates vocabularies (近い意味の別の語), {@code ,} separates forms of one vocabulary
 * (表記ゆれ・略称). See {@link SynonymDictionary} for how the two kinds are weighted.
 */
final class MunicipalSynonyms {

	private static final List<String> GROUPS = List.of(
			// moving and registration
			"引っ越し,引越し,引越,引っ越す,引越す|転居|転入|転出|住所変更",
			"住民票,住民票の写し",
			"マイナンバー,個人番号",
			"マイナンバーカード,個人番号カード,マイナカード",
			"印鑑,はんこ,ハンコ,判子|印章",
			"印鑑証明,印鑑証明書,印鑑登録証明書",
			"戸籍謄本,戸籍全部事項証明書",
			"戸籍抄本,戸籍個人事項証明書",
			"身分証,身分証明書|本人確認書類",
			"パスポート,旅券",
			"再発行|再交付",
			"代理人|委任状",
			"届出,届け出,届",
			"婚姻届|結婚",
			"離婚届|離婚",
			"出生届|出生|出産",
			"死亡届|死亡|亡くなる",
			"外国人|外国籍|在留外国人",
			// waste
			"ごみ,ゴミ,塵|廃棄物",
			"粗大ごみ,粗大ゴミ|大型ごみ,大型ゴミ",
			"資源ごみ,資源ゴミ|リサイクル",
			"収集日|回収日",
			"収集|回収",
			"家電リサイクル|家電",
			"パソコン,pc|小型家電",
			// children and families
			"子ども,子供,こども|児童",
			"赤ちゃん,赤ん坊|乳児|新生児|乳幼児",
			"保育園,保育所|認定こども園",
			"学童保育,学童|放課後児童クラブ,児童クラブ",
			"児童手当,子ども手当",
			"ひとり親,一人親|母子家庭|父子家庭",
			"妊婦健診|妊婦健康診査",
			"乳幼児健診|乳幼児健康診査",
			"入学|就学",
			"転校|転学",
			// health, welfare, elderly
			"高齢者,お年寄り,年寄り|老人|シニア",
			"障害者,障がい者,障碍者",
			"健診,健康診断|検診",
			"予防接種|ワクチン",
			"保険証,健康保険証|被保険者証",
			"国保,国民健康保険",
			"老人ホーム|介護施設|特別養護老人ホーム,特養",
			"病院|医療機関|診療所",
			"歯医者|歯科",
			"引きこもり,ひきこもり",
			// taxes, fees, payments
			"住民税,市民税,市県民税,市・県民税,個人住民税",
			"納付,支払い,支払う,払い込み|払う|納める",
			"料金,手数料|費用|代金",
			"減免|減額|免除|軽減",
			"補助金|助成金|補助|助成",
			"給付金|給付",
			"給料|給与",
			"確定申告|申告",
			"原付,原動機付自転車|バイク",
			"ナンバープレート|標識",
			// procedures and the city hall
			"申請,申し込み,申込み,申込,申し込む",
			"持ち物,必要書類,必要なもの",
			"市役所,市庁舎|役所",
			"開庁時間,受付時間|窓口時間",
			"問い合わせ,問合せ|連絡先",
			"締め切り,締切|期限",
			"苦情|クレーム",
			// housing and town
			"市営住宅,公営住宅",
			"空き家,空家",
			"駐輪場,自転車置き場,自転車置場",
			"放置自転車|撤去自転車",
			"街灯|防犯灯",
			"草刈り|雑草",
			"下水,下水道|排水",
			"水道料金|水道代",
			"浄化槽|くみ取り,汲み取り",
			"墓地|霊園|お墓",
			"火葬場|斎場",
			// disasters and safety
			"避難所|避難場所",
			"火事|火災",
			"大雨|豪雨|洪水|浸水",
			// facilities
			"体育館|スポーツ施設",
			"貸し出し,貸出|レンタル",
			"予約|申し込み");

	private MunicipalSynonyms() {
	}

	/** The groups: vocabularies of forms, normalised as the engine normalises text. */
	static List<List<List<String>>> groups() {
		List<List<List<String>>> out = new ArrayList<>(GROUPS.size());
		for (String g : GROUPS) {
			List<List<String>> group = new ArrayList<>();
			for (String vocab : g.split("\\|")) {
				List<String> forms = new ArrayList<>();
				for (String f : vocab.split(",")) {
					forms.add(FaqText.normalize(f.strip()));
				}
				group.add(List.copyOf(forms));
			}
			out.add(List.copyOf(group));
		}
		return List.copyOf(out);
	}
}
