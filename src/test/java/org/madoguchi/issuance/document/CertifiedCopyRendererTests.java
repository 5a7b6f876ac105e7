package org.madoguchi.issuance.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertifiedCopyRendererTests {

	static final Instant NOW = Instant.parse("2026-11-26T01:02:03Z");
	static final CertifiedCopyRenderer RENDERER = new CertifiedCopyRenderer(Clock.fixed(NOW, ZoneId.of("Asia/Tokyo")));

	/** Text of one page (1-based) with all white space removed: Japanese has none, and wraps add some. */
	static String text(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return squeeze(stripper.getText(document));
	}

	static String text(PDDocument document) throws IOException {
		return squeeze(new PDFTextStripper().getText(document));
	}

	static String squeeze(String s) {
		return s.replaceAll("[\\s\\u3000]", "");
	}

	@Test
	void householdOfThreeOnOnePageWithTheStandardOmissions() throws IOException {
		RenderedCopy rendered = RENDERER.renderWithReport(Samples.juminhyo(3));
		assertThat(rendered.pages()).isEqualTo(1);
		assertThat(rendered.complete()).isTrue();
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDRectangle box = document.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
			assertThat(box.getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.5f));
			String text = text(document);
			assertThat(text).contains("住民票の写し", "田中民夫", "タナカタミオ", "田中美民", "田中一郎", "昭和60年4月1日", "昭和62年12月24日",
					"東雲野市民田町二丁目3番4号", "民田ハイツ201号室", "住民となった", "前住所", "横浜市中区山下町1番地", "令和2年4月3日",
					"この写しは、住民票の原本と相違ないことを証明する。", "令和8年11月26日", "東雲野市長東雲太一",
					"発行番号20261126東雲野市電子交付プリンタ0010111/1", "電子署名と交付の記録はこちらで確認できます", Samples.URL,
					"この証明書は、市長の電子署名", "印刷した紙は原本ではありません");
			// omitted by default: neither the labels nor the values, nor 「省略」
			assertThat(text).doesNotContain("世帯主", "続柄", "妻", "本籍", "筆頭者", "住民票コード", "個人番号", "12345678901",
					"123456780000", "東雲野市民田町二丁目3番地", "省略", "国籍");
			// the seal is drawn, not written: 之印 is not in the text layer
			assertThat(text).doesNotContain("之印");
			assertThat(text).doesNotContain("〓");
		}
	}

	@Test
	void fontIsEmbeddedAsASubset() throws IOException {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.juminhyo(1)))) {
			PDPage page = document.getPage(0);
			List<PDFont> fonts = new ArrayList<>();
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
			assertThat(fonts).hasSize(1);
			PDFont font = fonts.get(0);
			assertThat(font).isInstanceOf(PDType0Font.class);
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
			assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2().getLength())
				.isLessThan(300_000); // the whole font is 6 MB
		}
	}

	@Test
	void requestedItemsArePrinted() throws IOException {
		PrintOptions all = PrintOptions.standard().withRelationship().withHonseki().withResidentCode().withMyNumber();
		CertifiedCopy copy = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, all, Samples.household(2));
		try (PDDocument document = Loader.loadPDF(RENDERER.render(copy))) {
			assertThat(text(document)).contains("世帯主", "田中民夫", "続柄", "妻", "本籍", "東雲野市民田町二丁目3番地", "筆頭者",
					"住民票コード", "12345678901", "12345678902", "個人番号", "123456780000", "123456780001");
		}
	}

	@Test
	void onlyTheRequestedOptionalItem() throws IOException {
		CertifiedCopy copy = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD,
				PrintOptions.standard().withHonseki(), Samples.household(1));
		try (PDDocument document = Loader.loadPDF(RENDERER.render(copy))) {
			assertThat(text(document)).contains("本籍", "筆頭者").doesNotContain("個人番号", "123456780000", "住民票コード", "続柄");
		}
	}

	@Test
	void twelveMembersGoOnSeveralPagesEachNumbered() throws IOException {
		RenderedCopy rendered = RENDERER.renderWithReport(Samples.juminhyo(12));
		int pages = rendered.pages();
		assertThat(pages).isGreaterThanOrEqualTo(2);
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			assertThat(document.getNumberOfPages()).isEqualTo(pages);
			StringBuilder all = new StringBuilder();
			for (int p = 1; p <= pages; p++) {
				String text = text(document, p);
				assertThat(text).contains("20261126東雲野市電子交付プリンタ001011" + p + "/" + pages, "住民票の写し",
						"東雲野市民田町二丁目3番4号");
				boolean last = p == pages;
				assertThat(text.contains("この写しは、住民票の原本と相違ないことを証明する。")).isEqualTo(last);
				assertThat(text.contains("次頁に続く")).isEqualTo(!last);
				all.append(text);
			}
			for (int i = 0; i < 12; i++) {
				String name = squeeze(Samples.person(i).name());
				assertThat(all.toString().split(name, -1)).as(name).hasSize(2); // printed exactly once
			}
		}
	}

	@Test
	void individualFormsPutOnePersonOnEachPage() throws IOException {
		CertifiedCopy copy = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL, PrintOptions.standard(),
				Samples.household(3));
		try (PDDocument document = Loader.loadPDF(RENDERER.render(copy))) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			for (int p = 1; p <= 3; p++) {
				String text = text(document, p);
				for (int i = 0; i < 3; i++) {
					assertThat(text.contains(squeeze(Samples.person(i).name()))).isEqualTo(i == p - 1);
				}
				assertThat(text).contains("この写しは、住民票の原本と相違ないことを証明する。", "東雲野市長", p + "/3");
			}
		}
	}

	@Test
	void johyoHasItsWordingAndTheRemovalItems() throws IOException {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.johyo()))) {
			assertThat(text(document)).contains("除票の写し", "この写しは、除票の原本と相違ないことを証明する。", "消除事由", "転出",
					"消除日", "令和8年3月31日", "転出先", "札幌市北区北八条西二丁目1番地", "死亡", "令和8年1月15日")
				.doesNotContain("住民票の原本");
		}
	}

	@Test
	void kisaiJikoShomeiCertifiesOnlyItsItems() throws IOException {
		CertifiedCopy copy = Samples.copy(DocumentKind.KISAI_JIKO_SHOMEI, Layout.INDIVIDUAL,
				PrintOptions.certifying(Set.of(Item.BIRTH_DATE, Item.RELATIONSHIP)), List.of(Samples.person(0)));
		try (PDDocument document = Loader.loadPDF(RENDERER.render(copy))) {
			assertThat(text(document)).contains("住民票記載事項証明書", "上記の事項は、住民票に記載されていることを証明する。", "田中民夫",
					"東雲野市民田町二丁目3番4号", "生年月日", "昭和60年4月1日", "続柄", "世帯主")
				.doesNotContain("性別", "前住所", "住民となった", "届出日", "本籍", "個人番号", "相違ない");
		}
	}

	@Test
	void foreignResidentWithAliasAndResidenceItems() throws IOException {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.foreigner()))) {
			assertThat(text(document)).contains("NGUYENVANAN", "通称", "阮文安", "グエンバンアン", "国籍・地域", "ベトナム",
					"中長期在留者", "技術・人文知識・国際業務", "在留期間", "3年", "令和10年9月30日")
				.doesNotContain("本籍");
		}
	}

	@Test
	void qrCodeDecodesToTheVerificationUrl() throws Exception {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.juminhyo(2)))) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 200);
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
			Result result = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
			assertThat(result.getText()).isEqualTo(Samples.URL);
		}
	}

	@Test
	void characterMissingFromTheFontBecomesGetaAndIsReported() throws IOException {
		// U+E000 (a 外字 in the private use area) and U+30000 (CJK Extension G) are not in IPAex Gothic
		PrintedPerson person = PrintedPerson.of("髙橋\uE000子", "タカハシ", "昭和50年1月1日", "女", null, null, null, null, null)
			.withFamilyRegister("東雲野市" + new String(Character.toChars(0x30000)) + "町1番地", "髙橋一");
		CertifiedCopy copy = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.INDIVIDUAL,
				PrintOptions.standard().withHonseki(), List.of(person));
		RenderedCopy rendered = RENDERER.renderWithReport(copy);
		assertThat(rendered.complete()).isFalse();
		assertThat(rendered.substitutions()).containsExactly(new Substitution("氏名", 1, 0xE000, "〓"),
				new Substitution("本籍", 1, 0x30000, "〓"));
		assertThat(rendered.substitutions().get(0).codePointText()).isEqualTo("U+E000");
		assertThat(RENDERER.unprintable(copy)).isEqualTo(rendered.substitutions());
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			assertThat(text(document)).contains("髙橋〓子", "東雲野市〓町1番地").doesNotContain("\uE000");
		}
	}

	@Test
	void variationSelectorIsDroppedAndReported() throws IOException {
		String name = "葛" + new String(Character.toChars(0xE0100)) + "西　花子";
		CertifiedCopy copy = Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, PrintOptions.standard(),
				List.of(PrintedPerson.of(name, null, null, null, null, null, null, null, null)));
		RenderedCopy rendered = RENDERER.renderWithReport(copy);
		assertThat(rendered.substitutions()).containsExactly(new Substitution("氏名", 1, 0xE0100, ""));
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			assertThat(text(document)).contains("葛西花子");
		}
	}

	@Test
	void longestValuesStillPrintCompletely() throws IOException {
		String address = "東雲野市" + "民田町二丁目三番地四号".repeat(14) + "一二"; // 160 characters
		String name = "田中" + "民".repeat(62);
		assertThat(address.codePointCount(0, address.length())).isEqualTo(Texts.ADDRESS);
		PrintedPerson person = new PrintedPerson(name, "タ".repeat(64), "山".repeat(64), "ヤ".repeat(64), null, null,
				"昭和60年4月1日", "男", "子の妻の子の妻の子の妻", "令和2年4月1日", "令和2年4月1日 転入", "令和2年4月3日", address,
				address, name, "12345678901", "123456789012", null, null);
		CertifiedCopy copy = new CertifiedCopy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD,
				PrintOptions.standard().withRelationship().withHonseki().withResidentCode().withMyNumber(),
				new Household(name, address, "民".repeat(64)), List.of(person, person, person), Samples.NUMBER,
				LocalDate.of(2026, 11, 26), "東雲野市長", "東".repeat(32), Samples.URL + "?" + "x".repeat(200));
		RenderedCopy rendered = RENDERER.renderWithReport(copy);
		try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
			String text = text(document);
			assertThat(text).contains(address, name, "タ".repeat(64), "山".repeat(64), "子の妻の子の妻の子の妻", "民".repeat(64),
					"東".repeat(32), "123456789012", "x".repeat(200));
		}
	}

	@Test
	void metadata() throws IOException {
		try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.johyo()))) {
			assertThat(document.getVersion()).isEqualTo(1.7f);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("除票の写し");
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Madoguchi");
			assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(NOW);
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ja");
		}
	}

	@Test
	void rendersConcurrentlyWithoutMixingDocuments() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				int members = 1 + i % 4;
				results.add(pool.submit(() -> {
					try (PDDocument document = Loader.loadPDF(RENDERER.render(Samples.juminhyo(members)))) {
						String text = text(document);
						boolean ok = true;
						for (int m = 0; m < 12; m++) {
							ok &= text.contains(squeeze(Samples.person(m).name())) == (m < members);
						}
						return ok;
					}
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void refusesBadInputPrecisely() {
		assertThatThrownBy(() -> PrintedPerson.of("民".repeat(65), null, null, null, null, null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("氏名")
			.hasMessageContaining("65");
		assertThatThrownBy(() -> PrintedPerson.of("田中\u202E民夫", null, null, null, null, null, null, null, null))
			.hasMessageContaining("U+202E");
		assertThatThrownBy(() -> Samples.copy(DocumentKind.JOHYO_COPY, Layout.HOUSEHOLD, PrintOptions.standard(),
				Samples.household(1)))
			.hasMessageContaining("消除事由");
		assertThatThrownBy(() -> Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD,
				PrintOptions.certifying(Set.of(Item.GENDER)), Samples.household(1)))
			.hasMessageContaining("記載事項証明書");
		assertThatThrownBy(() -> Samples.copy(DocumentKind.KISAI_JIKO_SHOMEI, Layout.HOUSEHOLD, PrintOptions.standard(),
				Samples.household(1)))
			.hasMessageContaining("certified item");
		assertThatThrownBy(() -> new PrintOptions(false, false, false, false, false, Set.of(Item.MY_NUMBER)))
			.hasMessageContaining("個人番号");
		assertThatThrownBy(() -> Samples.copy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, PrintOptions.standard(),
				Samples.household(61)))
			.hasMessageContaining("60");
		assertThatThrownBy(() -> new CertifiedCopy(DocumentKind.JUMINHYO_COPY, Layout.HOUSEHOLD, null,
				Samples.HOUSEHOLD, Samples.household(1), Samples.NUMBER, LocalDate.of(2026, 11, 26), "東雲野市長", "東雲　太一",
				"javascript:alert(1)"))
			.hasMessageContaining("http");
		assertThatThrownBy(() -> new IssueNumber(LocalDate.of(2026, 1, 1), "東雲野市", "本庁 1", "プリンタ001", 1))
			.hasMessageContaining("spaces");
	}

	@Test
	void issueNumberAndEraDate() {
		IssueNumber number = new IssueNumber(LocalDate.of(2020, 5, 2), "東雲野市", "本庁1", "プリンタ001", 11);
		assertThat(number.text(1, 2)).isEqualTo("20200502 東雲野市 本庁1 プリンタ001 011 1/2");
		assertThat(EraDates.format(LocalDate.of(2026, 11, 26))).isEqualTo("令和8年11月26日");
		assertThat(EraDates.format(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
		assertThat(EraDates.format(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
	}
}
