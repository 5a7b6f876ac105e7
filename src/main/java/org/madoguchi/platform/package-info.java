/**
 * Shared web plumbing used by every module: problem details, field errors, locale handling.
 * An open module: its types are meant to be used everywhere.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.madoguchi.platform;
