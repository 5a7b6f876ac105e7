package org.madoguchi.accounts;

/** 本人確認書類: the document counter staff checked before linking an account to the register. */
enum IdentityDocument {
	/** マイナンバーカード */
	MY_NUMBER_CARD,
	/** 運転免許証 */
	DRIVERS_LICENSE,
	/** 在留カード */
	RESIDENCE_CARD,
	/** パスポート */
	PASSPORT,
	/** その他 */
	OTHER;

	static IdentityDocument parse(String value) {
		for (IdentityDocument d : values()) {
			if (d.name().equals(value)) {
				return d;
			}
		}
		return null;
	}
}
