package org.madoguchi.applications;

import java.util.List;

import org.madoguchi.procedures.ProcedureVersion;

/** An application with the procedure version it was filed under and its timeline. */
public record ApplicationView(Application application, ProcedureVersion procedure, List<TimelineEntry> timeline) {
}
