/**
 * Places as data: the GB/T 2260 divisions and the statistics bureau's township codes shipped with the service
 * (docs/organizations.md says which and from when), the public place-name picker and the division-code check.
 */
package org.unionplatform.organization.place;
