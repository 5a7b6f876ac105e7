/**
 * Staff sign-in and roles: form login for people, bearer tokens for linked systems, lockout after
 * repeated failures, security headers, and the guard that keeps demo accounts and development
 * secrets out of production.
 */
package org.madoguchi.staff;
