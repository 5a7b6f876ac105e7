/**
 * Online applications (オンライン申請): drafts, submission with a receipt number, the staff review
 * workflow with approval routes, the resident portal's forms and "my applications", the Web API with
 * idempotent submission, and the pull-type feed of accepted applications for core systems.
 * Status changes are published as {@link org.madoguchi.applications.ApplicationStatusChanged}.
 */
package org.madoguchi.applications;
