package org.madoguchi.registry.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.registry.PersonForm;

/** The staff form for 転入; persons can be added one at a time without JavaScript. */
public class MoveInForm {

	private String reason = "DOMESTIC_MOVE_IN";
	private String joinHousehold;
	private String townCode;
	private String address;
	private String katagaki;
	private String postalCode;
	private String previousAddress;
	private LocalDate changeDate;
	private LocalDate notifiedDate;
	private List<PersonForm> persons = new ArrayList<>(List.of(new PersonForm()));

	ChangeRequests.MoveInRequest toRequest() {
		return new ChangeRequests.MoveInRequest(reason, joinHousehold,
				new ChangeRequests.AddressInput(townCode, address, katagaki, postalCode), previousAddress, changeDate,
				notifiedDate, persons);
	}

	public String getReason() { return reason; }
	public void setReason(String v) { reason = v; }
	public String getJoinHousehold() { return joinHousehold; }
	public void setJoinHousehold(String v) { joinHousehold = v; }
	public String getTownCode() { return townCode; }
	public void setTownCode(String v) { townCode = v; }
	public String getAddress() { return address; }
	public void setAddress(String v) { address = v; }
	public String getKatagaki() { return katagaki; }
	public void setKatagaki(String v) { katagaki = v; }
	public String getPostalCode() { return postalCode; }
	public void setPostalCode(String v) { postalCode = v; }
	public String getPreviousAddress() { return previousAddress; }
	public void setPreviousAddress(String v) { previousAddress = v; }
	public LocalDate getChangeDate() { return changeDate; }
	public void setChangeDate(LocalDate v) { changeDate = v; }
	public LocalDate getNotifiedDate() { return notifiedDate; }
	public void setNotifiedDate(LocalDate v) { notifiedDate = v; }
	public List<PersonForm> getPersons() { return persons; }
	public void setPersons(List<PersonForm> v) { persons = v; }
}
