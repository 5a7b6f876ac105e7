package org.madoguchi.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 基本4情報 (the four basic facts of the resident register) as carried by a 署名用電子証明書: 氏名 (name), 住所
 * (address), 生年月日 (date of birth) and 性別 (gender). The 利用者証明用電子証明書 carries none of them.
 *
 * @param name    氏名, as registered (may contain characters outside JIS X 0208)
 * @param address 住所
 * @param birthDate 生年月日
 * @param gender  性別, as written in the register (e.g. 男, 女)
 */
public record BasicFourInfo(String name, String address, LocalDate birthDate, String gender) {

	public BasicFourInfo {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(birthDate, "birthDate");
		Objects.requireNonNull(gender, "gender");
	}
}
