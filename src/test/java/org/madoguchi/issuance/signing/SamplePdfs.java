package org.madoguchi.issuance.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Unsigned PDFs shaped like an issued 住民票の写し: A4 pages of Japanese text in the embedded (subset) IPAex Gothic,
 * and an Info dictionary with an ASCII title (a place to change one byte without breaking the PDF's structure).
 */
final class SamplePdfs {

	static final String TITLE = "Juminhyo no utsushi - test";

	private SamplePdfs() {
	}

	/** A certificate copy of the given number of pages, saved without object streams. */
	static byte[] certificate(int pages) {
		return certificate(pages, false);
	}

	/** As {@link #certificate(int)}; compressed as PDFBox saves by default (object streams) when asked. */
	static byte[] certificate(int pages, boolean compressed) {
		try (PDDocument document = new PDDocument();
				InputStream font = SamplePdfs.class.getResourceAsStream("/fonts/ipaexg.ttf")) {
			PDType0Font gothic = PDType0Font.load(document, font);
			document.getDocumentInformation().setTitle(TITLE);
			for (int p = 0; p < pages; p++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream text = new PDPageContentStream(document, page)) {
					text.beginText();
					text.setFont(gothic, 18);
					text.newLineAtOffset(60, 780);
					text.showText("住民票の写し");
					text.setFont(gothic, 10.5f);
					text.setLeading(16);
					String[] lines = { "住所　東雲野市本町一丁目2番3号", "世帯主　東雲 太郎", "氏名　東雲 太郎　生年月日　昭和55年4月1日　性別　男",
							"続柄　世帯主　住民となった日　平成22年10月1日", "氏名　東雲 花子　生年月日　昭和58年7月7日　性別　女", "続柄　妻",
							"本籍・筆頭者　省略", "個人番号　省略　住民票コード　省略",
							"この写しは、住民票の原本と相違ないことを証明する。", "令和8年4月1日　東雲野市長　東雲 一郎" };
					for (int i = 0; i < 3; i++) {
						for (String line : lines) {
							text.newLine();
							text.showText(line);
						}
					}
					text.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			// no object streams: the Info dictionary's title stays plain text, for tests that change one byte of it
			document.save(out, compressed ? org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION
					: org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
