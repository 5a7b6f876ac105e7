package org.madoguchi.issuance.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class FontSourceTests {

	@Test
	void gsubTableIsLeftOutAndTheRestOfTheFontStaysReadable() throws IOException {
		byte[] original;
		try (InputStream in = FontSourceTests.class.getResourceAsStream("/fonts/ipaexg.ttf")) {
			original = in.readAllBytes();
		}
		byte[] stripped = FontSource.withoutTable(original, "GSUB");
		try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
				TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(stripped))) {
			assertThat(before.getTableMap()).containsKey("GSUB");
			assertThat(after.getTableMap()).doesNotContainKey("GSUB").hasSize(before.getTableMap().size() - 1);
			assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
			int gid = after.getUnicodeCmapLookup().getGlyphId('民');
			assertThat(gid).isPositive().isEqualTo(before.getUnicodeCmapLookup().getGlyphId('民'));
			assertThat(after.getGlyph().getGlyph(gid).getPath().getBounds2D())
				.isEqualTo(before.getGlyph().getGlyph(gid).getPath().getBounds2D());
		}
		assertThat(FontSource.withoutTable(stripped, "GSUB")).isSameAs(stripped);
	}

	@Test
	void coverageAndGeta() {
		FontSource font = new FontSource("/fonts/ipaexg.ttf");
		assertThat(font.covers('民')).isTrue();
		assertThat(font.covers(0xE000)).isFalse();
		StringBuilder missing = new StringBuilder();
		assertThat(font.printable("田\uE000中", cp -> missing.appendCodePoint(cp))).isEqualTo("田〓中");
		assertThat(missing.toString()).isEqualTo("\uE000");
		assertThat(font.width("民田", 10f)).isEqualTo(20f);
	}
}
