/**
 * Resident accounts (利用者アカウント): registration with email and password, email verification,
 * sign-in to the resident portal ({@code /portal/**}, its own filter chain and session key), the
 * profile used to prefill forms, and the link to a person in the register made at the counter
 * (or, later, by a My Number Card sign-in).
 */
package org.madoguchi.accounts;
