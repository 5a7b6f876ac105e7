package org.madoguchi.procedures;

/**
 * One step of the review route. {@code role} is a staff role name ({@code COUNTER}, {@code EXAMINER},
 * {@code APPROVER}, {@code ADMIN}); a step after the first is an approval (電子決裁).
 */
public record WorkflowStep(String id, Text name, String role) {
}
