package org.madoguchi.procedures;

/**
 * A message sent to the applicant when the application reaches a status. Placeholders:
 * {@code {receiptNumber}}, {@code {procedureName}}, {@code {applicantName}}, {@code {reason}},
 * {@code {portalUrl}}, {@code {fee}}.
 */
public record NotificationText(Text subject, Text body) {
}
