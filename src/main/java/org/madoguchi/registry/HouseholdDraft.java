package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A household to be loaded in bulk (initial load of a city, CSV import): its address, the date the
 * household settled there and its members, 世帯主 first.
 */
public record HouseholdDraft(Address address, LocalDate since, String previousAddress, List<PersonEntry> members) {
}
