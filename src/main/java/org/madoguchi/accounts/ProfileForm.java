package org.madoguchi.accounts;

/**
 * The profile fields as typed in a form (bound from request parameters, shown back on errors).
 * The birth date is three fields in the western calendar (西暦).
 */
class ProfileForm {

	private String name;
	private String kana;
	private String birthYear;
	private String birthMonth;
	private String birthDay;
	private String phone;
	private String postalCode;
	private String address;
	private String building;
	private String language;

	static ProfileForm of(ResidentProfile p) {
		ProfileForm f = new ProfileForm();
		f.fill(p);
		return f;
	}

	void fill(ResidentProfile p) {
		name = p.name();
		kana = p.kana();
		birthYear = String.valueOf(p.birthDate().getYear());
		birthMonth = String.valueOf(p.birthDate().getMonthValue());
		birthDay = String.valueOf(p.birthDate().getDayOfMonth());
		phone = p.phone();
		postalCode = p.postalCode();
		address = p.address();
		building = p.building();
		language = p.language();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getKana() {
		return kana;
	}

	public void setKana(String kana) {
		this.kana = kana;
	}

	public String getBirthYear() {
		return birthYear;
	}

	public void setBirthYear(String birthYear) {
		this.birthYear = birthYear;
	}

	public String getBirthMonth() {
		return birthMonth;
	}

	public void setBirthMonth(String birthMonth) {
		this.birthMonth = birthMonth;
	}

	public String getBirthDay() {
		return birthDay;
	}

	public void setBirthDay(String birthDay) {
		this.birthDay = birthDay;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getBuilding() {
		return building;
	}

	public void setBuilding(String building) {
		this.building = building;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}
}
