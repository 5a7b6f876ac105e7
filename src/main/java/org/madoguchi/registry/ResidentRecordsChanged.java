package org.madoguchi.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Published after the register accepted a change (異動): which persons got a new snapshot and why.
 * Other modules (notifications, push-type benefits, linkage) listen to it.
 */
public record ResidentRecordsChanged(ChangeReason reason, List<AtenaNumber> persons, LocalDate changeDate) {
}
