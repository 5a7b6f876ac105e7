package org.madoguchi.registry;

/**
 * 住所 within the city.
 *
 * @param townCode 町字コード of the 町丁目
 * @param text the address as printed (市区町村名 onwards)
 * @param katagaki 方書 (building and room)
 * @param postalCode 郵便番号 (NNN-NNNN)
 */
public record Address(String townCode, String text, String katagaki, String postalCode) {

	public String full() {
		return katagaki == null || katagaki.isBlank() ? text : text + "\u3000" + katagaki;
	}
}
