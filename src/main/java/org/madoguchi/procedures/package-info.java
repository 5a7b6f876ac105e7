/**
 * Procedures (手続): versioned definitions of what a resident can apply for online — names, eligibility,
 * the assurance level required, fees, pages of fields with validation and conditional visibility, the
 * review workflow and notification texts. Definitions are YAML files under {@code procedures/} on the
 * classpath, loaded at start; a 管理者 can publish a new version from the UI. An application keeps the
 * version it was filed under, so a new version never changes what was submitted.
 * <p>
 * The engine: {@link org.madoguchi.procedures.ProcedureCatalog} and {@link org.madoguchi.procedures.ProcedurePublisher}
 * (stored in {@code procedure_version}), {@link org.madoguchi.procedures.FormFlow} (what is shown, page order),
 * {@link org.madoguchi.procedures.FormBinder} (form parameters to answers), {@link org.madoguchi.procedures.AnswerValidator},
 * {@link org.madoguchi.procedures.ProcedureMessages} (errors in a language) and
 * {@link org.madoguchi.procedures.ProcedureJsonSchema} (the answers' JSON Schema for API clients).
 */
package org.madoguchi.procedures;
