package org.madoguchi.identity;

import java.time.LocalDate;
import java.util.Objects;

import org.madoguchi.registry.Gender;
import org.madoguchi.registry.ResidentRecord;

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

	/**
	 * The 基本4情報 of a register record as a 署名用電子証明書 carries them: the name, the address with the 方書 after
	 * a full-width space, the date of birth (a record with unknown parts cannot be carried) and 男/女.
	 */
	public static BasicFourInfo of(ResidentRecord person) {
		LocalDate birth = person.birthDate().toLocalDate()
			.orElseThrow(() -> new IllegalArgumentException("birth date with unknown parts: no certificate can carry it"));
		return new BasicFourInfo(person.name().full(), person.address().full(), birth,
				person.gender() == Gender.MALE ? "男" : "女");
	}
}
