/**
 * Procedures (手続): versioned definitions of what a resident can apply for online — names, eligibility,
 * the assurance level required, fees, pages of fields with validation and conditional visibility, the
 * review workflow and notification texts. Definitions are YAML files under {@code procedures/} on the
 * classpath, loaded at start; a 管理者 can publish a new version from the UI. An application keeps the
 * version it was filed under, so a new version never changes what was submitted.
 */
package org.madoguchi.procedures;
